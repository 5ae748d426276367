import {
  applyDecorators,
  ArgumentsHost,
  CanActivate,
  Catch,
  createParamDecorator,
  ExceptionFilter,
  ExecutionContext,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { wantsJson } from 'src/common/errors/http-error.filter';
import { Actor, Role } from './actor';
import { AccessDenied, AuthenticationRequired } from 'src/common/auth/access-errors';

/** A local path to return to after signing in; anything else (other sites, `//host`) is dropped. */
export function safeReturnPath(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > 500) return undefined;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return undefined;
  return raw;
}

/** The sign-in page, returning to `path` afterwards. */
export function signInPath(path?: string): string {
  const back = safeReturnPath(path);
  return back && back !== '/' ? `/masuk?next=${encodeURIComponent(back)}` : '/masuk';
}

class RoleGuard implements CanActivate {
  constructor(private readonly roles: readonly Role[]) {}

  canActivate(context: ExecutionContext): boolean {
    const actor = context.switchToHttp().getRequest<Request>().actor;
    if (!actor) throw new AuthenticationRequired();
    if (this.roles.length > 0 && !this.roles.includes(actor.role)) throw new AccessDenied();
    return true;
  }
}

/** Pages send the browser to /masuk (and back afterwards); the API answers 401. */
@Catch(AuthenticationRequired)
class SignInFilter implements ExceptionFilter {
  catch(error: AuthenticationRequired, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (wantsJson(req)) {
      res.status(401).set('WWW-Authenticate', 'Bearer').json({ statusCode: 401, message: error.message });
      return;
    }
    res.redirect(303, signInPath(req.method === 'GET' ? req.originalUrl : req.path));
  }
}

/**
 * Only for signed-in people, and with roles given only for those roles (403 otherwise).
 * Unauthenticated: pages redirect to /masuk?next=<path>, the API answers 401 JSON.
 * Put it on a controller or a handler; services still check unit access themselves (AccessPolicy).
 */
export function Authenticated(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(new RoleGuard(roles)),
    UseFilters(new SignInFilter()),
    ApiBearerAuth(),
    ApiResponse({ status: 401, description: 'No valid bearer token' }),
    ApiResponse({ status: 403, description: roles.length ? `Only for: ${roles.join(', ')}` : 'Not allowed' }),
  );
}

/** The Actor of the request; throws AuthenticationRequired when nobody is signed in. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<Request>().actor;
  if (!actor) throw new AuthenticationRequired();
  return actor;
});
