import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import connectPgSimple from 'connect-pg-simple';
import type { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import { AppConfig } from 'src/config/app-config';
import { DatabaseService } from 'src/database/database.service';
import { safeErrorSummary } from 'src/common/logging/error-summary';
import { actorMiddleware, ActorResolver, isApiPath } from './actor-resolver';
import { sessionRollingMs, summarizeUserAgent } from './session-rules';

declare module 'express-session' {
  interface SessionData {
    userId: number;
    /** passwordStamp() of the account when the session was opened. */
    authStamp: number;
    /** Sign-in time (epoch ms): the session ends SESSION_MAX_HOURS later, however active. */
    createdAt: number;
    /** summarizeUserAgent() of the browser that signed in, for the list of sessions. */
    userAgent: string;
  }
}

export const SESSION_COOKIE = 'kip.sid';

/** Sessions in PostgreSQL (table `session`, created by migration) on the app's one pool. */
@Injectable()
export class SessionStore implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Sessions');
  readonly store: connectPgSimple.PGStore;

  // DatabaseService exists once the pool is connected and migrated.
  constructor(db: DatabaseService) {
    const PgStore = connectPgSimple(session);
    this.store = new PgStore({
      pool: db.pool,
      tableName: 'session',
      createTableIfMissing: false,
      pruneSessionInterval: 15 * 60,
      // Its messages never hold a session id; the error is summarised without personal data.
      errorLog: (message: unknown, error: unknown) =>
        this.logger.warn({ msg: typeof message === 'string' ? message : 'session store error', error: safeErrorSummary(error) }),
    });
    throttleTouch(this.store);
  }

  beforeApplicationShutdown(): void {
    void this.store.close();
  }
}

/** How often one session's expiry is written again while it is used (the sessions roll over hours). */
export const SESSION_TOUCH_EVERY_MS = 60_000;

/**
 * A rolling session is "touched" (its expiry written) on every page view; once a minute per
 * session and instance is enough for an expiry hours away, and spares the busiest pages a write.
 */
export function throttleTouch(store: session.Store, clock = () => Date.now()): void {
  const touch = store.touch?.bind(store);
  if (!touch) return;
  const touched = new Map<string, number>();
  store.touch = (sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void => {
    const now = clock();
    const last = touched.get(sid);
    if (last !== undefined && now - last < SESSION_TOUCH_EVERY_MS) {
      callback?.();
      return;
    }
    if (touched.size >= 10_000) touched.clear();
    touched.set(sid, now);
    touch(sid, data, callback);
  };
}

function usesSession(req: Request): boolean {
  return !isApiPath(req.path) && !req.path.startsWith('/static/');
}

/**
 * Installs sessions (cookie kip.sid: httpOnly, SameSite=lax, Secure in production, eight hours
 * rolling, and never longer than SESSION_MAX_HOURS after sign-in; stored only once someone signs
 * in) and the actor middleware. Call after applyWebSecurity (cookies) and before the routes.
 */
export function applySessions(app: NestExpressApplication, config: AppConfig): void {
  const sessions = session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store: app.get(SessionStore).store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.isProduction, maxAge: sessionRollingMs(config.sessionMaxHours), path: '/' },
  });
  app.use((req: Request, res: Response, next: NextFunction) => (usesSession(req) ? sessions(req, res, next) : next()));
  app.use(actorMiddleware(app.get(ActorResolver), config.sessionMaxHours));
}

/** Signs the account in on this browser under a new session id (no session fixation). */
export async function startSession(req: Request, userId: number, authStamp: number, now = Date.now()): Promise<void> {
  await new Promise<void>((resolve, reject) => req.session.regenerate((err: unknown) => (err ? reject(toError(err)) : resolve())));
  req.session.userId = userId;
  req.session.authStamp = authStamp;
  req.session.createdAt = now;
  req.session.userAgent = summarizeUserAgent(req.headers['user-agent']);
  await new Promise<void>((resolve, reject) => req.session.save((err: unknown) => (err ? reject(toError(err)) : resolve())));
}

/** Signs out: the session row is deleted and the cookie cleared. */
export async function endSession(req: Request, res: Response, config: AppConfig): Promise<void> {
  const current = req.session as Request['session'] | undefined;
  if (current) await new Promise<void>((resolve) => current.destroy(() => resolve()));
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.isProduction, path: '/' });
}

function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error('session store failure');
}
