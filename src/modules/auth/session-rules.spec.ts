import { publicSessionId, SESSION_IDLE_MS, sessionEndsAt, sessionOutlived, sessionRollingMs, summarizeUserAgent } from './session-rules';

const HOUR = 60 * 60 * 1000;

describe('session rules', () => {
  const signedInAt = Date.parse('2026-01-05T01:00:00Z');

  it.each([
    [0, 12, false],
    [11.99 * HOUR, 12, false],
    [12 * HOUR, 12, true],
    [30 * HOUR, 12, true],
    [59 * 60 * 1000, 1, false],
    [HOUR, 1, true],
  ])('should tell whether a session %i ms after sign-in has outlived %i hours: %s', (elapsed, maxHours, outlived) => {
    expect(sessionOutlived(signedInAt, signedInAt + elapsed, maxHours)).toBe(outlived);
  });

  it('should end a session without a sign-in time', () => {
    expect(sessionOutlived(undefined, signedInAt, 12)).toBe(true);
    expect(sessionOutlived('2026-01-05', signedInAt, 12)).toBe(true);
    expect(sessionOutlived(Number.NaN, signedInAt, 12)).toBe(true);
  });

  it('should roll the cookie by the idle timeout, or by the absolute lifetime when that is shorter', () => {
    expect(sessionRollingMs(12)).toBe(SESSION_IDLE_MS);
    expect(sessionRollingMs(2)).toBe(2 * HOUR);
  });

  it('should end a session at its absolute end, or earlier when idle', () => {
    expect(sessionEndsAt(signedInAt, signedInAt + 10 * HOUR, 12)).toBe(signedInAt + 12 * HOUR);
    expect(sessionEndsAt(signedInAt, signedInAt + HOUR, 12)).toBe(signedInAt + 9 * HOUR);
  });

  it('should show a session by a stable digest that does not reveal its id', () => {
    const id = publicSessionId('abcDEF123');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(id).toBe(publicSessionId('abcDEF123'));
    expect(id).not.toBe(publicSessionId('abcDEF124'));
    expect(id).not.toContain('abcDEF123');
  });

  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox di Windows'],
    ['Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36', 'Chrome di Android'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari di iOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0', 'Edge di Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15', 'Safari di macOS'],
    ['curl/8.5.0', 'curl'],
    ['', 'Perangkat tidak dikenal'],
    [undefined, 'Perangkat tidak dikenal'],
  ])('should summarise the user agent %p as %p', (ua, summary) => {
    expect(summarizeUserAgent(ua)).toBe(summary);
  });
});
