import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scorecards read every body's DIP as it stood at the end of a past day: the items' changes made
 * after that day, across all items at once. An index on the history's time lets that statement read
 * only the changes since the day instead of the whole history.
 */
export class DipHistoryByTime1766300000000 implements MigrationInterface {
  name = 'DipHistoryByTime1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX dip_item_history_at ON dip_item_history (at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX dip_item_history_at');
  }
}
