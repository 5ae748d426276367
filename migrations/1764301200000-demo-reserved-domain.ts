import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Demo accounts move to a reserved domain (example.org, RFC 2606): a database loaded before
 * kept addresses at a real domain, where reminders would go once SMTP is set.
 */
export class DemoReservedDomain1764301200000 implements MigrationInterface {
  name = 'DemoReservedDomain1764301200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE users SET email = replace(email, '@demo.portal-kip.id', '@demo.example.org')
       WHERE email LIKE '%@demo.portal-kip.id'
         AND NOT EXISTS (SELECT 1 FROM users u WHERE u.email = replace(users.email, '@demo.portal-kip.id', '@demo.example.org'))`);
  }

  async down(): Promise<void> {
    // Nothing to undo: the old addresses were never meant to receive mail.
  }
}
