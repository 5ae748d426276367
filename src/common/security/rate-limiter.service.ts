import { Injectable } from '@nestjs/common';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { AppConfig } from 'src/config/app-config';
import { RateLimited } from 'src/common/errors/domain-error';
import { DatabaseService } from 'src/database/database.service';

export type LimitedAction =
  | 'intake_ip'
  | 'intake_email'
  | 'consultation_ip'
  | 'consultation_email'
  | 'tracking_ip'
  | 'tracking_client_number'
  | 'tracking_number'
  | 'login_ip'
  | 'login_account';

/** What a counted attempt left: how many were counted in the window (this one included). */
export interface Counted {
  consumed: number;
  points: number;
}

interface Rule {
  points: number;
  duration: number;
  message: (retryMinutes: number) => string;
}

/**
 * Counters kept in PostgreSQL (table rate_limits), so every instance behind a load balancer
 * counts together. Never call inside a transaction: it uses the shared pool.
 */
@Injectable()
export class RateLimiterService {
  private readonly limiters = new Map<LimitedAction, RateLimiterPostgres>();
  private readonly rules: Record<LimitedAction, Rule>;

  constructor(
    private readonly db: DatabaseService,
    config: AppConfig,
  ) {
    this.rules = {
      intake_ip: {
        points: config.intakeLimitPerIpHour,
        duration: 3600,
        message: (m) => `Terlalu banyak permohonan dari alamat jaringan Anda. Silakan coba lagi dalam ${m} menit.`,
      },
      intake_email: {
        points: config.intakeLimitPerEmailDay,
        duration: 86400,
        message: () => 'Batas harian permohonan untuk alamat e-mail ini telah tercapai. Silakan coba lagi besok.',
      },
      // The consultation form is limited like the request form, with counters of its own.
      consultation_ip: {
        points: config.intakeLimitPerIpHour,
        duration: 3600,
        message: (m) => `Terlalu banyak pertanyaan dari alamat jaringan Anda. Silakan coba lagi dalam ${m} menit.`,
      },
      consultation_email: {
        points: config.intakeLimitPerEmailDay,
        duration: 86400,
        message: () => 'Batas harian pertanyaan untuk alamat e-mail ini telah tercapai. Silakan coba lagi besok.',
      },
      tracking_ip: {
        points: 30,
        duration: 900,
        message: (m) => `Terlalu banyak percobaan pelacakan. Silakan coba lagi dalam ${m} menit.`,
      },
      tracking_client_number: {
        points: 10,
        duration: 3600,
        message: (m) => `Terlalu banyak percobaan untuk nomor ini. Silakan coba lagi dalam ${m} menit.`,
      },
      // A tally of wrong codes for a number from everybody: it never refuses anyone by itself.
      tracking_number: {
        points: Number.MAX_SAFE_INTEGER,
        duration: 3600,
        message: (m) => `Terlalu banyak percobaan untuk nomor ini. Silakan coba lagi dalam ${m} menit.`,
      },
      login_ip: {
        points: 30,
        duration: 900,
        message: (m) => `Terlalu banyak percobaan masuk. Silakan coba lagi dalam ${m} menit.`,
      },
      login_account: {
        points: 5,
        duration: 900,
        message: (m) => `Akun dikunci sementara karena terlalu banyak percobaan gagal. Silakan coba lagi dalam ${m} menit.`,
      },
    };
  }

  /**
   * Counts one attempt, atomically, before the work it guards; throws RateLimited when that makes
   * more than `allowance` (the rule's points unless given) in the window. A refused attempt is
   * taken back, so the count is what got through. Parallel attempts each see their own count, so
   * no more than the allowance ever get through.
   */
  async consume(action: LimitedAction, key: string, allowance = this.rules[action].points): Promise<Counted> {
    const res = await this.limiter(action).penalty(`${action}:${key}`, 1);
    if (res.consumedPoints > allowance) {
      await this.refund(action, key);
      const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new RateLimited(this.rules[action].message(Math.ceil(seconds / 60)), seconds);
    }
    return { consumed: res.consumedPoints, points: allowance };
  }

  /**
   * consume for several counters in one statement (one round trip), as if consumed in the order
   * given: the first counter over its limit is refused with its message, and it and the counters
   * after it are given back (they would not have been reached one by one); those before it keep
   * their count. Rows are written in key order, so parallel callers never wait on each other in a
   * circle. The rows are those RateLimiterPostgres reads and writes (key "kip:<action>:<key>",
   * points, expire in epoch milliseconds).
   */
  async consumeAll(attempts: readonly { action: LimitedAction; key: string }[], now = Date.now()): Promise<Counted[]> {
    const keys = attempts.map((a) => `kip:${a.action}:${a.key}`);
    if (new Set(keys).size !== keys.length) throw new Error('consumeAll needs distinct counters');
    const expires = attempts.map((a) => now + this.rules[a.action].duration * 1000);
    const rows = (await this.db.pool.query<{ key: string; points: number; expire: string | null }>(
      `INSERT INTO rate_limits AS r (key, points, expire)
         SELECT k, 1, e FROM unnest($1::text[], $2::bigint[]) AS t (k, e) ORDER BY k
       ON CONFLICT (key) DO UPDATE SET
         points = CASE WHEN r.expire <= $3 THEN 1 ELSE r.points + 1 END,
         expire = CASE WHEN r.expire <= $3 THEN excluded.expire ELSE r.expire END
       RETURNING key, points, expire`,
      [keys, expires, now],
    )).rows;
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const counted = attempts.map((a, i): Counted & { msBeforeNext: number } => {
      const row = byKey.get(keys[i]);
      if (!row) throw new Error(`rate limit row ${a.action} not written`);
      return { consumed: row.points, points: this.rules[a.action].points, msBeforeNext: row.expire === null ? 0 : Number(row.expire) - now };
    });
    const over = counted.findIndex((c) => c.consumed > c.points);
    if (over >= 0) {
      for (const a of attempts.slice(over)) await this.refund(a.action, a.key);
      const seconds = Math.max(1, Math.ceil(counted[over].msBeforeNext / 1000));
      throw new RateLimited(this.rules[attempts[over].action].message(Math.ceil(seconds / 60)), seconds);
    }
    return counted.map(({ consumed, points }) => ({ consumed, points }));
  }

  /** Gives back one counted attempt, e.g. when it turned out to be legitimate (a right password). */
  async refund(action: LimitedAction, key: string): Promise<void> {
    await this.limiter(action).reward(`${action}:${key}`, 1);
  }

  /** How many attempts the window holds now, without counting one. */
  async count(action: LimitedAction, key: string): Promise<number> {
    const res = await this.limiter(action).get(`${action}:${key}`);
    return Math.max(0, res?.consumedPoints ?? 0);
  }

  async reset(action: LimitedAction, key: string): Promise<void> {
    await this.limiter(action).delete(`${action}:${key}`);
  }

  private limiter(action: LimitedAction): RateLimiterPostgres {
    let limiter = this.limiters.get(action);
    if (!limiter) {
      const rule = this.rules[action];
      limiter = new RateLimiterPostgres({
        storeClient: this.db.pool,
        storeType: 'pool',
        tableName: 'rate_limits',
        tableCreated: true,
        points: rule.points,
        duration: rule.duration,
        keyPrefix: 'kip',
        clearExpiredByTimeout: false,
      });
      this.limiters.set(action, limiter);
    }
    return limiter;
  }
}
