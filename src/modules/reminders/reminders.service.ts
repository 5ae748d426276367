import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { DatabaseService } from 'src/database/database.service';
import { CalendarService, WorkingDayCalendar } from 'src/modules/calendar';
import { safeErrorSummary } from 'src/common/logging/error-summary';
import { MailService } from 'src/modules/notifications';
import {
  AwaitingRequest,
  candidateHorizon,
  daysLeftOf,
  daysLeftText,
  digestOf,
  digestRecipients,
  dueSoonRecipient,
  isDueSoon,
  isOverdue,
  latenessOf,
  overdueHorizon,
  Recipient,
  reminderDay,
  ReminderDay,
  ReminderKind,
} from './reminder-rules';
import { RemindersRepository } from './reminders.repository';

export const DUE_SOON_TEMPLATE = 'deadline_due_soon';
export const DIGEST_TEMPLATE = 'unit_digest';
export const ESCALATION_TEMPLATE = 'deadline_escalation';

/** One mail a run enqueued. */
export interface EnqueuedReminder {
  mailId: string;
  template: string;
  to: string;
  /** The request it is about; null for a digest. */
  requestId: string | null;
  unitId: number;
  data: Record<string, unknown>;
}

/** What one run of a reminder job did. */
export interface ReminderRun {
  asOf: Date;
  enqueued: EnqueuedReminder[];
  /** Reminders due but with nobody to send them to (no officer, no unit address, no supervisor); tried again next run. */
  unrouted: number;
  /** Reminders whose transaction failed; nothing of them was written, so the next run tries again. */
  failed: number;
}

interface MailToSend {
  template: string;
  to: Recipient;
  data: Record<string, unknown>;
}

/** What a reminder is recorded under in the same transaction as its mails. */
type Claim =
  | { kind: ReminderKind; request: AwaitingRequest }
  | { kind: 'digest'; unitId: number; date: string; dueSoon: number; overdue: number };

interface BodyDay {
  calendar: WorkingDayCalendar;
  day: ReminderDay;
}

/**
 * The reminder jobs' work, with the clock passed in: due-soon mails to the assigned officer, the
 * nightly digest per unit, escalation of overdue requests to the atasan PPID. Each run reads
 * everything first; then each reminder is one transaction that records it (reminder_log,
 * unit_digest_log) and enqueues its mails, so a reminder goes once per request and due date (per
 * unit and day for the digest), and a crash loses none.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly calendars: CalendarService,
    private readonly mail: MailService,
    private readonly db: DatabaseService,
    private readonly config: AppConfig,
  ) {}

  /** Requests that turned segera: a mail to the assignee (or the unit's address when unassigned). */
  async sendDueSoonReminders(asOf: Date): Promise<ReminderRun> {
    const candidates = await this.reminders.findAwaitingNotice(candidateHorizon(asOf), 'due_soon');
    const days = await this.daysOf(candidates, asOf);
    const run: ReminderRun = { asOf, enqueued: [], unrouted: 0, failed: 0 };
    for (const request of candidates) {
      const { calendar, day } = this.dayOf(days, request);
      if (!day.workingDay || !isDueSoon(request, day)) continue;
      const to = dueSoonRecipient(request);
      if (!to) {
        run.unrouted += 1;
        continue;
      }
      const daysLeft = daysLeftOf(calendar, day.today, request.dueDate);
      const data = {
        recipientName: to.name,
        // Not the assignee's own reminder: the unit's mailbox, for a request nobody works.
        toUnit: request.assignee?.active !== true,
        registrationNumber: request.registrationNumber,
        requesterName: request.requesterName,
        unitName: request.unitName,
        bodyName: request.bodyName,
        dueDate: request.dueDate,
        daysLeft,
        daysLeftText: daysLeftText(daysLeft),
        link: this.linkTo(request.id),
      };
      await this.deliver(run, { kind: 'due_soon', request }, request.unitId, [{ template: DUE_SOON_TEMPLATE, to, data }]);
    }
    this.report('due-soon', run);
    return run;
  }

  /** Per unit with requests due soon or overdue, one digest to each of its active officers. */
  async sendDigests(asOf: Date): Promise<ReminderRun> {
    const awaiting = await this.reminders.findAwaitingNotice(candidateHorizon(asOf));
    const byUnit = new Map<number, AwaitingRequest[]>();
    for (const r of awaiting) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
    const officers = await this.reminders.findActiveOfficers([...byUnit.keys()]);
    const days = await this.daysOf(awaiting, asOf);
    const run: ReminderRun = { asOf, enqueued: [], unrouted: 0, failed: 0 };
    for (const [unitId, requests] of byUnit) {
      const unit = requests[0];
      const { calendar, day } = this.dayOf(days, unit);
      if (!day.workingDay) continue;
      const digest = digestOf(requests, calendar, day);
      if (!digest) continue;
      const recipients = digestRecipients(
        unit,
        officers.filter((o) => o.unitId === unitId),
      );
      if (recipients.length === 0) {
        run.unrouted += 1;
        continue;
      }
      const withLinks = (lines: typeof digest.dueSoon) => lines.map((l) => ({ ...l, link: this.linkTo(l.requestId) }));
      const shared = {
        unitName: unit.unitName,
        bodyName: unit.bodyName,
        today: day.today,
        dueSoon: withLinks(digest.dueSoon),
        overdue: withLinks(digest.overdue),
        dueSoonCount: digest.dueSoon.length,
        overdueCount: digest.overdue.length,
        queueLink: `${this.config.appUrl}/petugas`,
      };
      const mails = recipients.map((to) => ({ template: DIGEST_TEMPLATE, to, data: { ...shared, recipientName: to.name } }));
      const claim: Claim = { kind: 'digest', unitId, date: day.today, dueSoon: digest.dueSoon.length, overdue: digest.overdue.length };
      await this.deliver(run, claim, unitId, mails);
    }
    this.report('digest', run);
    return run;
  }

  /** Requests past their due date still without the written notice: a mail to each atasan PPID of the body. */
  async sendEscalations(asOf: Date): Promise<ReminderRun> {
    const candidates = await this.reminders.findAwaitingNotice(overdueHorizon(asOf), 'escalation');
    const supervisors = await this.reminders.findActiveSupervisors([...new Set(candidates.map((r) => r.bodyId))]);
    const days = await this.daysOf(candidates, asOf);
    const run: ReminderRun = { asOf, enqueued: [], unrouted: 0, failed: 0 };
    for (const request of candidates) {
      const { calendar, day } = this.dayOf(days, request);
      if (!day.workingDay || !isOverdue(request, day)) continue;
      const recipients = supervisors.filter((s) => s.bodyId === request.bodyId);
      if (recipients.length === 0) {
        run.unrouted += 1;
        continue;
      }
      const late = latenessOf(calendar, day.today, request.dueDate);
      const shared = {
        registrationNumber: request.registrationNumber,
        requesterName: request.requesterName,
        unitName: request.unitName,
        bodyName: request.bodyName,
        assigneeName: request.assignee?.name ?? null,
        dueDate: request.dueDate,
        today: day.today,
        daysOverdue: late.workingDays,
        calendarDaysOverdue: late.calendarDays,
        link: this.linkTo(request.id),
      };
      const mails = recipients.map((to) => ({ template: ESCALATION_TEMPLATE, to, data: { ...shared, recipientName: to.name } }));
      await this.deliver(run, { kind: 'escalation', request }, request.unitId, mails);
    }
    this.report('escalation', run);
    return run;
  }

  /**
   * One transaction: record the reminder, then enqueue its mails. Already recorded (sent before,
   * or by a concurrent run): nothing is enqueued. Any failure rolls both back.
   */
  private async deliver(run: ReminderRun, claim: Claim, unitId: number, mails: MailToSend[]): Promise<void> {
    const requestId = claim.kind === 'digest' ? null : claim.request.id;
    try {
      const enqueued = await this.db.transaction(async (manager) => {
        const claimed =
          claim.kind === 'digest'
            ? await this.reminders.claimDigest(manager, claim.unitId, claim.date, {
                dueSoon: claim.dueSoon,
                overdue: claim.overdue,
                recipients: mails.length,
              })
            : await this.reminders.claimReminder(manager, claim.request.id, claim.kind, claim.request.dueDate, mails.length);
        if (!claimed) return [];
        const out: EnqueuedReminder[] = [];
        for (const m of mails) {
          const mailId = await this.mail.enqueue(manager, {
            template: m.template,
            to: m.to.email,
            data: m.data,
            ...(requestId === null ? {} : { requestId }),
          });
          out.push({ mailId, template: m.template, to: m.to.email, requestId, unitId, data: m.data });
        }
        return out;
      });
      run.enqueued.push(...enqueued);
    } catch (error) {
      run.failed += 1;
      this.logger.warn({ msg: 'reminder not enqueued', kind: claim.kind, requestId, unitId, error: safeErrorSummary(error) });
    }
  }

  /** The calendar and local day of each body and time zone among the requests; read before any transaction. */
  private async daysOf(requests: readonly AwaitingRequest[], asOf: Date): Promise<Map<string, BodyDay>> {
    const out = new Map<string, BodyDay>();
    for (const r of requests) {
      const key = dayKey(r);
      if (out.has(key)) continue;
      const calendar = await this.calendars.calendarFor(r.bodyId);
      out.set(key, { calendar, day: reminderDay(calendar, asOf, r.timeZone) });
    }
    return out;
  }

  private dayOf(days: Map<string, BodyDay>, request: AwaitingRequest): BodyDay {
    const found = days.get(dayKey(request));
    if (!found) throw new Error(`no calendar loaded for body ${request.bodyId}`);
    return found;
  }

  private linkTo(requestId: string): string {
    return `${this.config.appUrl}/petugas/permohonan/${requestId}`;
  }

  private report(job: string, run: ReminderRun): void {
    if (run.enqueued.length === 0 && run.unrouted === 0 && run.failed === 0) return;
    const log = { msg: 'reminders', job, asOf: run.asOf.toISOString(), mails: run.enqueued.length, unrouted: run.unrouted, failed: run.failed };
    if (run.failed > 0 || run.unrouted > 0) this.logger.warn(log);
    else this.logger.log(log);
  }
}

function dayKey(r: Pick<AwaitingRequest, 'bodyId' | 'timeZone'>): string {
  return `${r.bodyId}|${r.timeZone}`;
}
