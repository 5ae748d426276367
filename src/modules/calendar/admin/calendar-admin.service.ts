import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFound, ValidationFailed } from 'src/common/errors/domain-error';
import { formatLocalDate } from 'src/common/views/view-helpers';
import { DatabaseService } from 'src/database/database.service';
import { AuditDetails, AuditService } from 'src/modules/audit';
import { Actor } from 'src/common/auth/actor';
import { AccessDenied } from 'src/common/auth/access-errors';
import { isUniqueViolation } from 'src/common/errors/database-errors';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { Holiday } from 'src/modules/calendar/holiday.entity';
import { JobQueue } from 'src/modules/jobs';
import { BodiesService, BodyOption } from 'src/modules/bodies';
import { CalendarAdminRepository, HolidayFields } from './calendar-admin.repository';
import { CALENDAR_RECOMPUTE_QUEUE, CalendarRecomputeJob } from './calendar-recompute-job';
import { HolidayInputDto, YearConfirmationDto } from './dto/holiday-input.dto';
import { NextYearNotice } from './next-year-notice';

/** Years an admin may edit: the calendar's arithmetic covers them with room to spare. */
export const FIRST_EDITABLE_YEAR = 2000;
export const LAST_EDITABLE_YEAR = 2100;

export interface CalendarYearView {
  year: number;
  confirmed: boolean;
  confirmedSource: string | null;
  national: Holiday[];
  closures: (Holiday & { bodyName: string })[];
  bodies: BodyOption[];
}

function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AccessDenied();
}

/** What an edit changed: field names, and the old and new date and body (names and sources are free text). */
function holidayChange(before: Holiday, after: HolidayFields): AuditDetails {
  const fields = (['date', 'name', 'kind', 'bodyId', 'source'] as const).filter((f) => before[f] !== after[f]);
  return { changed: fields, date: after.date, oldDate: before.date, kind: after.kind, bodyId: after.bodyId, oldBodyId: before.bodyId };
}

function tidy(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * The admin's calendar: holidays, cuti bersama and body closures with their legal source, and
 * which years are decreed. Each change and the `calendar.recompute` job that moves the due dates
 * of open requests commit together; this instance's cached calendars are dropped after commit.
 */
@Injectable()
export class CalendarAdminService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: CalendarAdminRepository,
    private readonly calendar: CalendarService,
    private readonly jobs: JobQueue,
    private readonly notice: NextYearNotice,
    private readonly audit: AuditService,
    private readonly publicBodies: BodiesService,
  ) {}

  async yearView(actor: Actor, year: number): Promise<CalendarYearView> {
    assertAdmin(actor);
    this.assertYear(year);
    const [days, status, bodies] = await Promise.all([this.repo.findHolidaysOfYear(year), this.repo.findYear(year), this.publicBodies.bodyOptions()]);
    const bodyNames = new Map(bodies.map((b) => [b.id, b.name]));
    return {
      year,
      confirmed: status?.confirmed ?? false,
      confirmedSource: status?.confirmed ? status.source : null,
      national: days.filter((d) => d.bodyId === null),
      closures: days
        .filter((d) => d.bodyId !== null)
        .map((d) => Object.assign(d, { bodyName: bodyNames.get(d.bodyId as number) ?? `Badan publik ${d.bodyId}` })),
      bodies,
    };
  }

  async holiday(actor: Actor, id: number): Promise<Holiday> {
    assertAdmin(actor);
    const row = await this.repo.findHolidayById(id);
    if (!row) throw new NotFound('Hari libur tidak ditemukan.');
    return row;
  }

  async bodies(actor: Actor): Promise<BodyOption[]> {
    assertAdmin(actor);
    return this.publicBodies.bodyOptions();
  }

  async addHoliday(actor: Actor, input: HolidayInputDto): Promise<Holiday> {
    assertAdmin(actor);
    const fields = await this.checked(input, null);
    const row = await this.db.transaction(async (m) => {
      const created = await this.repo.insertHoliday(m, fields).catch((e: unknown) => this.duplicateOr(e, fields));
      await this.enqueue(m, [fields.bodyId]);
      await this.audit.record(
        { actor, action: 'holiday.created', target: { type: 'holiday', id: created.id }, details: { date: fields.date, kind: fields.kind, bodyId: fields.bodyId } },
        m,
      );
      return created;
    });
    this.afterCommit();
    return row;
  }

  /** National days stay national and closures stay closures; a closure may move to another body. */
  async updateHoliday(actor: Actor, id: number, input: HolidayInputDto): Promise<Holiday> {
    const before = await this.holiday(actor, id);
    if ((before.kind === 'closure') !== (input.kind === 'closure')) {
      throw new ValidationFailed({
        kind:
          before.kind === 'closure'
            ? 'Penutupan layanan tidak dapat diubah menjadi hari libur nasional; hapus lalu tambahkan hari libur nasional.'
            : 'Hari libur nasional tidak dapat diubah menjadi penutupan layanan; hapus lalu tambahkan penutupan.',
      });
    }
    const fields = await this.checked(input, id);
    await this.db.transaction(async (m) => {
      await this.repo.updateHoliday(m, id, fields).catch((e: unknown) => this.duplicateOr(e, fields));
      await this.enqueue(m, [before.bodyId, fields.bodyId]);
      await this.audit.record({ actor, action: 'holiday.updated', target: { type: 'holiday', id }, details: holidayChange(before, fields) }, m);
    });
    this.afterCommit();
    return { ...before, ...fields };
  }

  async removeHoliday(actor: Actor, id: number): Promise<Holiday> {
    const before = await this.holiday(actor, id);
    await this.db.transaction(async (m) => {
      await this.repo.deleteHoliday(m, id);
      await this.enqueue(m, [before.bodyId]);
      await this.audit.record(
        { actor, action: 'holiday.deleted', target: { type: 'holiday', id }, details: { date: before.date, kind: before.kind, bodyId: before.bodyId } },
        m,
      );
    });
    this.afterCommit();
    return before;
  }

  /** The year's list is decreed (SKB): its due dates stop being provisional. */
  async confirmYear(actor: Actor, year: number, input: YearConfirmationDto): Promise<void> {
    assertAdmin(actor);
    this.assertYear(year);
    const source = tidy(input.source);
    if (source === '') throw new ValidationFailed({ source: 'Isi dasar hukum penetapan (nomor SKB).' });
    await this.db.transaction(async (m) => {
      const changed = await this.repo.confirmYear(m, year, source);
      if (changed) await this.enqueue(m, [null]);
      // A second confirmation only replaces the legal source; it is recorded all the same.
      await this.audit.record({ actor, action: 'calendar.year_confirmed', target: { type: 'calendar_year', id: year }, details: { year, wasConfirmed: !changed } }, m);
    });
    this.afterCommit();
  }

  private assertYear(year: number): void {
    if (!Number.isInteger(year) || year < FIRST_EDITABLE_YEAR || year > LAST_EDITABLE_YEAR) {
      throw new ValidationFailed({ year: `Tahun harus antara ${FIRST_EDITABLE_YEAR} dan ${LAST_EDITABLE_YEAR}.` });
    }
  }

  /** The rules beyond the DTO's, all read before the transaction; `exceptId` is the row being edited. */
  private async checked(input: HolidayInputDto, exceptId: number | null): Promise<HolidayFields> {
    const errors: Record<string, string> = {};
    const name = tidy(input.name);
    const source = tidy(input.source);
    const year = Number(input.date.slice(0, 4));
    if (year < FIRST_EDITABLE_YEAR || year > LAST_EDITABLE_YEAR) {
      errors.date = `Tanggal harus antara tahun ${FIRST_EDITABLE_YEAR} dan ${LAST_EDITABLE_YEAR}.`;
    }
    if (name === '') errors.name = 'Isi keterangan hari libur.';
    if (source === '') errors.source = 'Isi dasar hukum (mis. nomor SKB atau surat keputusan penutupan).';
    let body: BodyOption | null = null;
    if (input.kind === 'closure') {
      body = input.bodyId === undefined ? null : await this.publicBodies.findBodyOption(input.bodyId);
      if (!body) errors.bodyId = 'Pilih badan publik yang menutup layanannya.';
    } else if (input.bodyId !== undefined) {
      errors.bodyId = 'Badan publik hanya diisi untuk penutupan layanan.';
    }
    if (Object.keys(errors).length > 0) throw new ValidationFailed(errors);
    const fields: HolidayFields = { date: input.date, name, kind: input.kind, bodyId: body?.id ?? null, source };
    const same = await this.repo.findOnDate(fields.date, fields.bodyId);
    if (same && same.id !== exceptId) throw this.duplicate(fields, same.name, body?.name);
    return fields;
  }

  private duplicate(fields: HolidayFields, existingName: string | null, bodyName?: string): ValidationFailed {
    const when = formatLocalDate(fields.date);
    const what = existingName ? ` (${existingName})` : '';
    const message =
      fields.bodyId === null
        ? `Sudah ada hari libur nasional atau cuti bersama pada ${when}${what}. Ubah data yang ada bila perlu.`
        : `Sudah ada penutupan layanan ${bodyName ?? 'badan publik ini'} pada ${when}${what}. Ubah data yang ada bila perlu.`;
    return new ValidationFailed({ date: message });
  }

  /** Another admin saved the same date between our check and our write: the unique index answers. */
  private duplicateOr(e: unknown, fields: HolidayFields): never {
    if (isUniqueViolation(e)) throw this.duplicate(fields, null);
    throw e;
  }

  /** One job per affected body; a national change (null) covers every body. */
  private async enqueue(m: EntityManager, bodyIds: (number | null)[]): Promise<void> {
    const scopes = bodyIds.includes(null) ? [null] : [...new Set(bodyIds)];
    for (const bodyId of scopes) {
      const job: CalendarRecomputeJob = { bodyId };
      await this.jobs.sendInTransaction(m, CALENDAR_RECOMPUTE_QUEUE, job);
    }
  }

  private afterCommit(): void {
    this.calendar.invalidate();
    this.notice.invalidate();
  }
}
