import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { randomBytes } from 'node:crypto';
import { AppConfig } from 'src/config/app-config';

/** Largest single upload anywhere (documents handed over); smaller limits are checked per use. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const ANON_COOKIE = 'kip_anon';

function isApi(req: Request): boolean {
  return req.path.startsWith('/api/') || req.path === '/health';
}

function renderError(res: Response, status: number, title: string, message: string): void {
  res.status(status).render('errors/error', { title, statusCode: status, message, errors: [] });
}

/**
 * Cookies, multipart bodies and CSRF for the pages. Forms carry a token (double submit, bound to
 * a per-browser cookie); the JSON API under /api is exempt: it uses no cookies for authority.
 * Multipart bodies are parsed here, before the CSRF check, so uploads need the token too.
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

  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 5, fields: 60, fieldSize: 100 * 1024 },
  }).any();
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!req.is('multipart/form-data')) return next();
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      const code = (err as { code?: string }).code;
      if (code === 'LIMIT_FILE_SIZE') {
        return renderError(res, 413, 'Berkas terlalu besar', 'Berkas yang diunggah melebihi 20 MB.');
      }
      return renderError(res, 400, 'Permintaan tidak valid', 'Isian formulir tidak dapat dibaca. Silakan coba lagi.');
    });
  });

  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => config.sessionSecret,
    getSessionIdentifier: (req) => String(req.cookies?.[ANON_COOKIE] ?? ''),
    cookieName: config.isProduction ? '__Host-kip.csrf' : 'kip.csrf',
    cookieOptions: cookieBase,
    getCsrfTokenFromRequest: (req) => (req.body as Record<string, string> | undefined)?._csrf ?? req.headers['x-csrf-token'],
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
