import { RateLimited } from 'src/common/errors/domain-error';
import { RateLimiterService } from 'src/common/security/rate-limiter.service';
import { startTestApp, TestApp } from 'test/support/test-app';

/** Both intake counters in one statement: the same counts, refusals and give-backs as one counter after the other. */
describe('RateLimiterService.consumeAll', () => {
  let t: TestApp;
  let limiter: RateLimiterService;
  let n = 0;
  const fresh = (what: string): string => `${what}-${Date.now()}-${++n}`;

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '4', INTAKE_LIMIT_PER_EMAIL_DAY: '3' });
    limiter = t.app.get(RateLimiterService);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should count each counter once per call, readable by the single-counter methods', async () => {
    const ip = fresh('ip');
    const email = fresh('mail');
    const attempts = [
      { action: 'intake_ip' as const, key: ip },
      { action: 'intake_email' as const, key: email },
    ];
    await expect(limiter.consumeAll(attempts)).resolves.toEqual([
      { consumed: 1, points: 4 },
      { consumed: 1, points: 3 },
    ]);
    await expect(limiter.consumeAll(attempts)).resolves.toEqual([
      { consumed: 2, points: 4 },
      { consumed: 2, points: 3 },
    ]);
    await expect(limiter.count('intake_ip', ip)).resolves.toBe(2);
    await expect(limiter.consume('intake_email', email)).resolves.toEqual({ consumed: 3, points: 3 });
  });

  it('should refuse with the first counter over its limit and give back it and the counters after it', async () => {
    const ip = fresh('ip');
    const email = fresh('mail');
    for (let i = 0; i < 3; i += 1) await limiter.consumeAll([{ action: 'intake_ip', key: fresh('ip') }, { action: 'intake_email', key: email }]);
    // The e-mail is at its limit: the address is counted, the e-mail is not.
    await expect(limiter.consumeAll([{ action: 'intake_ip', key: ip }, { action: 'intake_email', key: email }])).rejects.toThrow(/Batas harian/);
    await expect(limiter.count('intake_ip', ip)).resolves.toBe(1);
    await expect(limiter.count('intake_email', email)).resolves.toBe(3);
    // The address at its limit: neither is counted.
    const other = fresh('mail');
    for (let i = 0; i < 3; i += 1) await limiter.consume('intake_ip', ip);
    const refused = limiter.consumeAll([{ action: 'intake_ip', key: ip }, { action: 'intake_email', key: other }]);
    await expect(refused).rejects.toBeInstanceOf(RateLimited);
    await expect(refused).rejects.toThrow(/alamat jaringan/);
    await expect(limiter.count('intake_ip', ip)).resolves.toBe(4);
    await expect(limiter.count('intake_email', other)).resolves.toBe(0);
  });

  it('should let no more than the allowance through when calls come at once', async () => {
    const email = fresh('mail');
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => limiter.consumeAll([{ action: 'intake_ip', key: fresh('ip') }, { action: 'intake_email', key: email }])),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof RateLimited)).toHaveLength(9);
    await expect(limiter.count('intake_email', email)).resolves.toBe(3);
  });

  it('should refuse the same counter twice in one call', async () => {
    const ip = fresh('ip');
    await expect(limiter.consumeAll([{ action: 'intake_ip', key: ip }, { action: 'intake_ip', key: ip }])).rejects.toThrow(/distinct/);
  });
});
