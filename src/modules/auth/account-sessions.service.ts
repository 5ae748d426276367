import { Injectable } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { Actor } from 'src/common/auth/actor';
import { ApiTokenNotFound, SessionNotFound } from './auth.errors';
import { publicSessionId, sessionOutlived, sessionRollingMs } from './session-rules';
import { SessionsRepository } from './sessions.repository';
import { ApiTokenRow, UsersRepository } from './users.repository';

/** One of the actor's own signed-in browsers. */
export interface OwnSession {
  /** publicSessionId(): never the session id itself. */
  id: string;
  createdAt: Date | null;
  lastSeenAt: Date;
  userAgent: string;
  current: boolean;
}

export interface OwnApiToken extends ApiTokenRow {
  current: boolean;
}

/** Where a request comes from, to mark "this session" or "this token" in the lists. */
export interface CurrentCredential {
  sessionId?: string;
  apiTokenId?: number;
}

/**
 * A signed-in person's own sessions and API tokens: listed and ended one by one. Everything is
 * scoped to the actor's account; another account's session or token is "not found", never shown.
 */
@Injectable()
export class AccountSessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly config: AppConfig,
  ) {}

  async listSessions(actor: Actor, current: CurrentCredential, now = Date.now()): Promise<OwnSession[]> {
    const rows = await this.sessions.findByUser(actor.userId);
    const currentId = current.sessionId ? publicSessionId(current.sessionId) : null;
    const rollingMs = sessionRollingMs(this.config.sessionMaxHours);
    return rows
      .filter((r) => !sessionOutlived(r.createdAt ?? undefined, now, this.config.sessionMaxHours))
      .map((r) => {
        const id = publicSessionId(r.sid);
        return {
          id,
          createdAt: r.createdAt === null ? null : new Date(r.createdAt),
          lastSeenAt: new Date(r.expiresAt.getTime() - rollingMs),
          userAgent: r.userAgent ?? 'Perangkat tidak dikenal',
          current: id === currentId,
        };
      });
  }

  /** Ends one of the actor's sessions; says whether it was the one making this request. */
  async endSession(actor: Actor, id: string, current: CurrentCredential): Promise<{ wasCurrent: boolean }> {
    const row = (await this.sessions.findByUser(actor.userId)).find((r) => publicSessionId(r.sid) === id);
    if (!row || !(await this.sessions.deleteOfUser(actor.userId, row.sid))) throw new SessionNotFound();
    return { wasCurrent: current.sessionId !== undefined && row.sid === current.sessionId };
  }

  async listApiTokens(actor: Actor, current: CurrentCredential): Promise<OwnApiToken[]> {
    const rows = await this.users.listActiveApiTokens(actor.userId);
    return rows.map((r) => ({ ...r, current: r.id === current.apiTokenId }));
  }

  /** Revokes one of the actor's working tokens; the others keep working. */
  async revokeApiToken(actor: Actor, idInput: string): Promise<void> {
    // Ids are positive integers; anything else (or out of range) is simply not a token of theirs.
    if (!/^[1-9]\d{0,8}$/.test(idInput)) throw new ApiTokenNotFound();
    if (!(await this.users.revokeApiToken(actor.userId, Number(idInput)))) throw new ApiTokenNotFound();
  }
}
