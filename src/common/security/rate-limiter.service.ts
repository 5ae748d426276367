import { Injectable } from '@nestjs/common';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from 'src/config/app-config';
import { RateLimited } from 'src/common/errors/domain-error';
import { DatabaseService } from 'src/database/database.service';

export type LimitedAction = 'intake_ip' | 'intake_email' | 'tracking_ip' | 'tracking_number' | 'login_ip' | 'login_account';

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
      tracking_ip: {
        points: 30,
        duration: 900,
        message: (m) => `Terlalu banyak percobaan pelacakan. Silakan coba lagi dalam ${m} menit.`,
      },
      tracking_number: {
        points: 10,
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

  /** Counts one attempt; throws RateLimited when the allowance is used up. */
  async consume(action: LimitedAction, key: string): Promise<void> {
    try {
      await this.limiter(action).consume(`${action}:${key}`);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        throw new RateLimited(this.rules[action].message(Math.ceil(seconds / 60)), seconds);
      }
      throw e;
    }
  }

  /** Throws RateLimited if the allowance is already used up, without counting. */
  async check(action: LimitedAction, key: string): Promise<void> {
    const res = await this.limiter(action).get(`${action}:${key}`);
    if (res && res.consumedPoints >= this.rules[action].points) {
      const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new RateLimited(this.rules[action].message(Math.ceil(seconds / 60)), seconds);
    }
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
