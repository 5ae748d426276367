import type { Request } from 'express';

/** Path segments that are words of the portal's own routes; anything else may be a token, a number or a name. */
const ROUTE_WORD = /^[a-z][a-z0-9-]{0,39}(\.[a-z]{2,4})?$/;

/**
 * Where a request went, safe to log: Express's route pattern (`/undangan/:token`), or for a path
 * no route matched, the path with every segment that is not a plain word replaced by `:x`.
 * Never the query string.
 */
export function routeOf(req: Pick<Request, 'route' | 'baseUrl' | 'path'> | undefined): string {
  if (!req) return '';
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return `${req.baseUrl ?? ''}${pattern}`;
  return redactPath(typeof req.path === 'string' ? req.path : '');
}

export function redactPath(path: string): string {
  const segments = path.split('/').slice(0, 8);
  return segments.map((s, i) => (i === 0 || s === '' || ROUTE_WORD.test(s) ? s : ':x')).join('/') || '/';
}
