import { Injectable, Logger } from '@nestjs/common';
import { safeErrorSummary } from 'src/common/logging/error-summary';
import { AppConfig } from 'src/config/app-config';
import { DatabaseService } from 'src/database/database.service';
import { DipDueItem, DipService } from 'src/modules/dip';
import { MailService } from 'src/modules/notifications';
import { RemindersRepository } from './reminders.repository';
import { ReminderRun } from './reminders.service';

export const DIP_DUE_TEMPLATE = 'dip_berkala_due';

/**
 * Berkala items of the Daftar Informasi Publik (Pasal 9: at least every six months) due within ten
 * working days, or past due: a mail to each active officer of the unit that holds the item, once per
 * item, kind (due soon, stale) and due date, on the unit's working days, like request deadlines.
 */
@Injectable()
export class DipReminders {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly dip: DipService,
    private readonly reminders: RemindersRepository,
    private readonly mail: MailService,
    private readonly db: DatabaseService,
    private readonly config: AppConfig,
  ) {}

  async send(asOf: Date): Promise<ReminderRun> {
    const due = (await this.dip.dueItems(asOf)).filter((d) => d.workingDay);
    const officers = await this.reminders.findActiveOfficers([...new Set(due.map((d) => d.item.unitId))]);
    const run: ReminderRun = { asOf, enqueued: [], unrouted: 0, failed: 0 };
    for (const d of due) {
      const recipients = officers.filter((o) => o.unitId === d.item.unitId);
      if (recipients.length === 0) {
        run.unrouted += 1;
        continue;
      }
      await this.deliver(run, d, recipients);
    }
    if (run.enqueued.length > 0 || run.unrouted > 0 || run.failed > 0) {
      const log = { msg: 'reminders', job: 'dip-berkala', asOf: asOf.toISOString(), mails: run.enqueued.length, unrouted: run.unrouted, failed: run.failed };
      if (run.failed > 0 || run.unrouted > 0) this.logger.warn(log);
      else this.logger.log(log);
    }
    return run;
  }

  private async deliver(run: ReminderRun, d: DipDueItem, recipients: { email: string; name: string }[]): Promise<void> {
    const kind = d.rhythm.state === 'terlambat' ? 'stale' : 'due_soon';
    const shared = {
      stale: kind === 'stale',
      title: d.item.title,
      unitName: d.item.unitName,
      bodyName: d.item.bodyName,
      lastUpdatedOn: d.item.lastUpdatedOn,
      periodMonths: d.item.updatePeriodMonths,
      dueDate: d.rhythm.dueDate,
      workingDaysLeft: d.rhythm.workingDaysLeft,
      today: d.today,
      link: `${this.config.appUrl}/petugas/dip/${d.item.id}`,
    };
    try {
      const enqueued = await this.db.transaction(async (m) => {
        if (!(await this.reminders.claimDipReminder(m, d.item.id, kind, d.rhythm.dueDate, recipients.length))) return [];
        const out: ReminderRun['enqueued'] = [];
        for (const to of recipients) {
          const data = { ...shared, recipientName: to.name };
          const mailId = await this.mail.enqueue(m, { template: DIP_DUE_TEMPLATE, to: to.email, data });
          out.push({ mailId, template: DIP_DUE_TEMPLATE, to: to.email, requestId: null, unitId: d.item.unitId, data });
        }
        return out;
      });
      run.enqueued.push(...enqueued);
    } catch (error) {
      run.failed += 1;
      this.logger.warn({ msg: 'reminder not enqueued', kind: `dip_${kind}`, itemId: d.item.id, unitId: d.item.unitId, error: safeErrorSummary(error) });
    }
  }
}
