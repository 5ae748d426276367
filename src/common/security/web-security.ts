import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import type { NextFunction, Request, Response } from 'express';
import { Reflector } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { MultipartGate } from 'src/common/uploads/multipart-gate.guard';
import { AppConfig } from 'src/config/app-config';

const ANON_COOKIE = 'kip_anon';

function isApi(req: Request): boolean {
  return req.path.startsWith('/api/') || req.path === '/health';
}

function renderError(res: Response, status: number, title: string, message: string): void {
  res.status(status).render('errors/error', { title, statusCode: status, message, errors: [] });
}

function isMultipart(req: Request): boolean {
  return Boolean(req.is('multipart/form-data'));
}

/**
 * The form's token: in the body of urlencoded forms; for multipart forms only in the query string
 * (`action="…?_csrf=…"`) or the X-CSRF-Token header, so the check runs before a byte of the body is read.
 */
function csrfTokenOf(req: Request): string | undefined {
  const header = req.headers['x-csrf-token'];
  const fromHeader = typeof header === 'string' ? header : undefined;
  if (isMultipart(req)) {
    const query = (req.query as Record<string, unknown> | undefined)?._csrf;
    return typeof query === 'string' ? query : fromHeader;
  }
  const body = (req.body as Record<string, unknown> | undefined)?._csrf;
  return typeof body === 'string' ? body : fromHeader;
}

/**
 * Cookies, CSRF and multipart policy for the pages. Forms carry a token (double submit, bound to
 * a per-browser cookie); the JSON API under /api is exempt: it uses no cookies for authority.
 * No multipart body is parsed here: only routes marked with AcceptsUploads parse one, after the
 * CSRF check and their guards; every other route refuses it unread (MultipartGate, 415).
 */
export function applyWebSecurity(app: NestExpressApplication, config: AppConfig): void {
  app.use(cookieParser());
  const cookieBase = { httpOnly: true, sameSite: 'lax' as const, secure: config.isProduction, path: '/' };

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!isApi(req) && !req.cookies?.[ANON_COOKIE]) {
      const id = randomBytes(18).toString('base64url');
      req.cookies[ANON_COOKIE] = id;
      res.cookie(ANON_COOKIE, id, cookieBase);
    }
    next();
  });

  // A multipart body may be refused before it is read (CSRF, sign-in, wrong route): the connection
  // then closes after the answer instead of reading on what may be a very large upload.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isMultipart(req)) res.setHeader('Connection', 'close');
    next();
  });
  app.useGlobalGuards(new MultipartGate(app.get(Reflector)));

  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => config.sessionSecret,
    getSessionIdentifier: (req) => String(req.cookies?.[ANON_COOKIE] ?? ''),
    cookieName: config.isProduction ? '__Host-kip.csrf' : 'kip.csrf',
    cookieOptions: cookieBase,
    getCsrfTokenFromRequest: csrfTokenOf,
    skipCsrfProtection: isApi,
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    doubleCsrfProtection(req, res, (err?: unknown) => {
      if (err) {
        return renderError(
          res,
          403,
          'Formulir kedaluwarsa',
          'Formulir ini sudah kedaluwarsa atau tidak berasal dari portal ini. Muat ulang halaman, lalu kirim kembali.',
        );
      }
      if (!isApi(req)) {
        res.locals.csrfToken = generateCsrfToken(req, res);
      }
      next();
    });
  });
}
