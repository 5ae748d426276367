import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Actor } from 'src/common/auth/actor';
import { hashSecretToken, looksLikeSecretToken } from './secret-tokens';
import { sessionOutlived } from './session-rules';
import { UsersRepository } from './users.repository';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Who is acting, set by the actor middleware; undefined for anonymous requests. */
      actor?: Actor;
      /** The API token the actor came with (undefined for sessions). */
      apiTokenId?: number;
    }
  }
}

/** The prefix of API tokens, so a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'kip_';

/** The stamp a session carries: when the password it was opened with was set. */
export function passwordStamp(passwordChangedAt: Date | null): number {
  return passwordChangedAt?.getTime() ?? 0;
}

/**
 * Turns a session or a bearer token into an Actor. Sessions (pages) and bearer tokens (API) never
 * mix: the API takes no cookie as authority, so it needs no CSRF token.
 */
@Injectable()
export class ActorResolver {
  constructor(private readonly users: UsersRepository) {}

  /** The session's account if it is still active and its password unchanged since sign-in. */
  async fromSession(userId: number, stamp: number): Promise<Actor | null> {
    const record = await this.users.findActiveActor(userId);
    if (!record || passwordStamp(record.passwordChangedAt) !== stamp) return null;
    return record.actor;
  }

  /** The token's account and the token's id; records the use (to the minute) for the list of tokens. */
  async fromBearer(token: string): Promise<{ actor: Actor; tokenId: number } | null> {
    if (!looksLikeSecretToken(token, API_TOKEN_PREFIX)) return null;
    const found = await this.users.findActorByTokenHash(hashSecretToken(token));
    if (!found) return null;
    if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) await this.users.recordApiTokenUse(found.tokenId);
    return { actor: found.actor, tokenId: found.tokenId };
  }
}

export function isApiPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/health';
}

function bearerOf(req: Request): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}

/**
 * Sets req.actor (and res.locals.actor for the page header): from the bearer token under /api,
 * from the session elsewhere. A session whose account is gone, inactive or has a new password, or
 * that was opened more than `sessionMaxHours` ago, is ended.
 */
export function actorMiddleware(resolver: ActorResolver, sessionMaxHours: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    resolve(resolver, req, sessionMaxHours).then((actor) => {
      if (actor) {
        req.actor = actor;
        res.locals.actor = actor;
      }
      next();
    }, next);
  };
}

async function resolve(resolver: ActorResolver, req: Request, sessionMaxHours: number): Promise<Actor | null> {
  if (isApiPath(req.path)) {
    const token = bearerOf(req);
    const found = token ? await resolver.fromBearer(token) : null;
    if (found) req.apiTokenId = found.tokenId;
    return found?.actor ?? null;
  }
  const session = req.session as Request['session'] | undefined;
  if (!session || typeof session.userId !== 'number') return null;
  const actor = sessionOutlived(session.createdAt, Date.now(), sessionMaxHours)
    ? null
    : await resolver.fromSession(session.userId, session.authStamp ?? -1);
  if (!actor) await new Promise<void>((done) => session.destroy(() => done()));
  return actor;
}
