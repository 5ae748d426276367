import { formatInstant } from 'src/common/views/view-helpers';
import { OwnApiToken, OwnSession } from './account-sessions.service';

/** The page model of /akun/sesi: dates as people read them in the province's time zone. */
export function sessionsPageModel(sessions: OwnSession[], tokens: OwnApiToken[], timeZone: string) {
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      current: s.current,
      userAgent: s.userAgent,
      createdAtText: s.createdAt ? formatInstant(s.createdAt, timeZone) : 'tidak diketahui',
      lastSeenAtText: formatInstant(s.lastSeenAt, timeZone),
    })),
    tokens: tokens.map((t) => ({
      id: t.id,
      current: t.current,
      createdAtText: formatInstant(t.createdAt, timeZone),
      expiresAtText: formatInstant(t.expiresAt, timeZone),
      lastUsedAtText: t.lastUsedAt ? formatInstant(t.lastUsedAt, timeZone) : 'belum pernah',
    })),
  };
}
