import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LocalDate } from 'src/common/time/local-time';

export interface BureauAccount {
  id: number;
  email: string;
  name: string;
}

/** Who receives the bureau's weekly summary, and which weeks each has had. */
@Injectable()
export class BureauSummaryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findActiveBureauAccounts(): Promise<BureauAccount[]> {
    return (await this.dataSource.query(`SELECT id, email, name FROM users WHERE role = 'bureau' AND active ORDER BY id`)) as BureauAccount[];
  }

  /** Records the week's summary for an account; false when it was recorded before (sent already). */
  async claimWeek(manager: EntityManager, userId: number, weekStart: LocalDate): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO bureau_summary_log (user_id, week_start) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
      [userId, weekStart],
    )) as unknown[];
    return rows.length === 1;
  }
}
