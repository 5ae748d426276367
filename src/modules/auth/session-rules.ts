import { hashSecretToken } from './secret-tokens';

/** A session ends after eight hours without a request (the cookie and the row roll on each one). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;

/** The rolling cookie and row lifetime: the idle timeout, or the absolute lifetime if shorter. */
export function sessionRollingMs(maxHours: number): number {
  return Math.min(SESSION_IDLE_MS, maxHours * 60 * 60 * 1000);
}

/**
 * Whether a signed-in session has outlived its absolute lifetime (SESSION_MAX_HOURS after sign-in),
 * however active it was. A session without a sign-in time predates the rule and ends too.
 */
export function sessionOutlived(createdAt: unknown, now: number, maxHours: number): boolean {
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) return true;
  return now - createdAt >= maxHours * 60 * 60 * 1000;
}

/** When a session ends for good: its absolute end, or earlier when it stays idle. */
export function sessionEndsAt(createdAt: number, lastSeenAt: number, maxHours: number): number {
  return Math.min(createdAt + maxHours * 60 * 60 * 1000, lastSeenAt + sessionRollingMs(maxHours));
}

/**
 * The id a session is shown and ended by: a digest of its session id, which itself stays secret
 * (it is what the signed cookie carries).
 */
export function publicSessionId(sid: string): string {
  return hashSecretToken(`session:${sid}`).slice(0, 32);
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/^curl\//, 'curl'],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bWindows\b/, 'Windows'],
  [/\bAndroid\b/, 'Android'],
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/**
 * "Firefox di Windows": enough for a person to recognise their own device in the list of
 * sessions, without keeping the whole User-Agent header.
 */
export function summarizeUserAgent(userAgent: string | undefined): string {
  const ua = (userAgent ?? '').slice(0, 512);
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1];
  if (browser && system) return `${browser} di ${system}`;
  return browser ?? system ?? 'Perangkat tidak dikenal';
}
