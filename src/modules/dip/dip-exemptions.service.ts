import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessDenied } from 'src/common/auth/access-errors';
import { Actor } from 'src/common/auth/actor';
import { NotFound, ValidationFailed } from 'src/common/errors/domain-error';
import { validateDto } from 'src/common/forms/validate-dto';
import { safeErrorSummary } from 'src/common/logging/error-summary';
import { formatIndonesianDate, localDateTimeOf } from 'src/common/time/local-time';
import { DatabaseService } from 'src/database/database.service';
import { ExemptItemOption, WithheldInformation, WithheldInformationKeeper } from 'src/modules/requests';
import { exemptionEnded, exemptionItemText, itemsToOpen, joinedEndDate, OpeningDecision, OpeningReason } from './dip-exemptions';
import { DipItemRecord, DipRepository, OpenedSource } from './dip.repository';
import { DipService } from './dip.service';
import { DipReclassificationDto } from './dto/dip-item.dto';

/** A decision that opens information: which request, what was decided, its number and date, who. */
export interface OpeningByDecision {
  requestId: string;
  decision: OpeningDecision;
  /** The items the decider chose (a partial decision). */
  chosen?: number[];
  /** The objection's or the dispute's number and the local date of the decision. */
  number: string;
  on: string;
  actorId: number | null;
}

/** An item linked to a request's consequence tests, as the atasan PPID chooses among them. */
export interface LinkedExemptItem {
  id: number;
  title: string;
  ground: string | null;
  /** Still dikecualikan (and active): it can be opened. */
  exempt: boolean;
}

/** What an expiry run did. */
export interface ExpiryRun {
  opened: number[];
  failed: number;
}

/**
 * The register of exempted information (UU 14/2008 Pasal 17, 19, 20, 11(2)) as it grows from
 * decisions: each refusal's consequence test adds a dikecualikan item or joins one (in the
 * decision's own transaction, through the requests module's WithheldInformationRegister), and an
 * item becomes available at any time when its Pasal 20 end date has passed (the daily job), when an
 * atasan PPID or the Komisi Informasi opens it, or when an officer reclassifies it by hand. Each
 * change is on the item's history with why and on whose decision.
 */
@Injectable()
export class DipExemptionsService implements WithheldInformationKeeper {
  private readonly logger = new Logger('DipExemptions');

  constructor(
    private readonly repo: DipRepository,
    private readonly dip: DipService,
    private readonly db: DatabaseService,
  ) {}

  // From a refusal (the requests module calls these through WithheldInformationRegister).

  async checkExisting(bodyId: number, itemId: number, ground: string): Promise<string | null> {
    return joinProblem(await this.repo.findItem(itemId), bodyId, ground);
  }

  async options(bodyId: number): Promise<ExemptItemOption[]> {
    return (await this.repo.findExemptItems(bodyId)).map((i) => ({ id: i.id, title: i.title, ground: i.exemptionGround ?? '', until: i.exemptionUntil }));
  }

  async record(m: EntityManager, w: WithheldInformation, now: Date): Promise<void> {
    const source = {
      consequenceTestId: w.consequenceTestId,
      requestId: w.requestId,
      registrationNumber: w.registrationNumber,
      decision: w.decision,
      decidedOn: w.decidedOn,
      exemptionGround: w.ground,
      exemptionLaw: w.law,
      exemptionUntil: w.until,
    };
    if (w.existingItemId !== null) {
      const item = await this.repo.lockItem(m, w.existingItemId);
      const problem = joinProblem(item, w.bodyId, w.ground);
      if (problem || !item) throw new ValidationFailed({ exemptionItemId: problem ?? 'Pilih informasi yang dikecualikan dari daftar.' });
      const until = joinedEndDate(item.exemptionUntil, w.until);
      if (until !== item.exemptionUntil) await this.repo.setExemptionUntil(m, item.id, until, w.actorId, now);
      await this.repo.insertSource(m, { ...source, itemId: item.id, createdItem: false }, w.actorId, now);
      await this.repo.addHistory(
        m,
        item.id,
        w.actorId,
        'exemption_linked',
        {
          registrationNumber: w.registrationNumber,
          decidedOn: w.decidedOn,
          exemptionGround: w.ground,
          ...(until !== item.exemptionUntil ? { exemptionUntil: { from: item.exemptionUntil, to: until } } : {}),
        },
        now,
      );
      return;
    }
    const text = exemptionItemText(
      { information: w.information, consequence: w.consequence, ground: w.ground, law: w.law, testedOn: w.testedOn, registrationNumber: w.registrationNumber },
      { name: w.requesterName, others: w.personal },
    );
    const fields = {
      unitId: w.unitId,
      category: 'dikecualikan' as const,
      title: text.title,
      summary: text.summary,
      responsibleOfficial: `PPID ${w.unitName}`.slice(0, 200),
      madeWhen: `Sebelum ${formatIndonesianDate(w.testedOn)}`,
      madeWhere: w.unitName.slice(0, 200),
      form: 'both' as const,
      retention: w.until ? `Dikecualikan sampai ${formatIndonesianDate(w.until)}` : 'Sesuai jadwal retensi arsip',
      updatePeriodMonths: null,
      lastUpdatedOn: null,
      exemptionGround: w.ground,
      exemptionLaw: w.ground === 'j' ? w.law : null,
      exemptionUntil: w.until,
      links: [],
    };
    const id = await this.repo.insertItem(m, w.bodyId, fields, w.actorId, now);
    await this.repo.insertSource(m, { ...source, itemId: id, createdItem: true }, w.actorId, now);
    await this.repo.addHistory(
      m,
      id,
      w.actorId,
      'created',
      { category: 'dikecualikan', title: fields.title, exemptionGround: w.ground, exemptionUntil: w.until, registrationNumber: w.registrationNumber, decidedOn: w.decidedOn },
      now,
    );
  }

  // Opening.

  /** The items linked to a request's consequence tests (for the atasan's choice and the objection page). */
  async linkedItems(requestId: string): Promise<LinkedExemptItem[]> {
    return (await this.repo.findItemsOfRequest(requestId)).map((i) => ({ id: i.id, title: i.title, ground: i.exemptionGround, exempt: isExempt(i) }));
  }

  /** Before the decision's transaction: a chosen item not linked to the request answers 400 naming `field`. */
  async checkChoice(requestId: string, decision: OpeningDecision, chosen: number[], field: string): Promise<void> {
    const linked = await this.repo.findItemsOfRequest(requestId);
    const { unknown } = itemsToOpen(decision, linked.map((i) => ({ id: i.id, exempt: isExempt(i) })), chosen);
    if (unknown.length > 0) throw new ValidationFailed({ [field]: 'Pilih informasi yang dikecualikan dari daftar permohonan ini.' });
  }

  /**
   * An atasan PPID's or the Komisi Informasi's decision opens the items linked to the request's
   * tests (all, or those chosen in a partial decision), in the decision's transaction; returns them.
   */
  async openExemptedItems(m: EntityManager, o: OpeningByDecision, now: Date): Promise<number[]> {
    const linked = await this.repo.findItemsOfRequest(o.requestId, m, true);
    const { open, unknown } = itemsToOpen(o.decision, linked.map((i) => ({ id: i.id, exempt: isExempt(i) })), o.chosen ?? []);
    if (unknown.length > 0) throw new ValidationFailed({ openItemIds: 'Pilih informasi yang dikecualikan dari daftar permohonan ini.' });
    const reason: OpeningReason = o.decision.kind;
    const sources = await this.repo.findSources(open, m);
    const opened: number[] = [];
    for (const id of open) {
      const registrationNumber = sources.find((s) => s.itemId === id && s.requestId === o.requestId)?.registrationNumber;
      const source: OpenedSource = { kind: reason, number: o.number, on: o.on, ...(registrationNumber ? { registrationNumber } : {}) };
      if (await this.openOne(m, linked.find((i) => i.id === id)!, reason, null, source, o.actorId, now)) opened.push(id);
    }
    return opened;
  }

  /**
   * The daily job: every active exempted item whose Pasal 20 end date has passed on its unit's local
   * day opens (from the day after the end date). Each in its own transaction; run again, it finds
   * nothing more to do.
   */
  async openExpired(asOf: Date): Promise<ExpiryRun> {
    // Candidates up to the end date that could have passed in the easternmost zone; each is checked on its own unit's day.
    const latest = localDateTimeOf(asOf, 'Asia/Jayapura').date;
    const run: ExpiryRun = { opened: [], failed: 0 };
    for (const candidate of await this.repo.findEndedExemptions(latest)) {
      const today = localDateTimeOf(asOf, candidate.timeZone).date;
      if (!exemptionEnded(candidate.exemptionUntil, today)) continue;
      try {
        const done = await this.db.transaction(async (m) => {
          const item = await this.repo.lockItem(m, candidate.id);
          if (!item || !isExempt(item) || !exemptionEnded(item.exemptionUntil, today)) return false;
          return this.openOne(m, item, 'expired', null, { kind: 'expired', on: today }, null, asOf);
        });
        if (done) run.opened.push(candidate.id);
      } catch (error) {
        run.failed += 1;
        this.logger.warn({ msg: 'exempted item not opened', itemId: candidate.id, error: safeErrorSummary(error) });
      }
    }
    if (run.opened.length > 0 || run.failed > 0) this.logger.log({ msg: 'exemptions', job: 'dip-exemptions', asOf: asOf.toISOString(), opened: run.opened.length, failed: run.failed });
    return run;
  }

  /** An officer of the unit reclassifies an exempted item as public by hand, with the reason. */
  async reclassify(actor: Actor, id: number, input: unknown, now: Date): Promise<void> {
    const { item } = await this.dip.officerItem(actor, id, now);
    if (actor.role !== 'officer' || !(await this.dip.unitsOf(actor)).some((u) => u.id === item.unitId)) {
      throw new AccessDenied('Daftar Informasi Publik diubah oleh petugas PPID unit yang menguasai informasinya.');
    }
    if (!isExempt(item)) throw new ValidationFailed({ reason: 'Hanya informasi yang dikecualikan yang dapat dibuka.' });
    const result = validateDto(DipReclassificationDto, input);
    if (result.errors) throw new ValidationFailed(result.errors);
    const today = localDateTimeOf(now, item.timeZone).date;
    await this.db.transaction(async (m) => {
      const locked = await this.repo.lockItem(m, id);
      if (!locked || !isExempt(locked)) throw new NotFound('Informasi tidak ditemukan.');
      await this.openOne(m, locked, 'manual', result.value.reason, { kind: 'manual', on: today }, actor.userId, now);
    });
  }

  private async openOne(m: EntityManager, item: DipItemRecord, reason: OpeningReason, note: string | null, source: OpenedSource, actorId: number | null, now: Date): Promise<boolean> {
    if ((await this.repo.open(m, item.id, reason, note, source, actorId, now)) === 0) return false;
    await this.repo.addHistory(
      m,
      item.id,
      actorId,
      'opened',
      {
        reason,
        ...(note ? { note } : {}),
        source,
        category: { from: 'dikecualikan', to: 'setiap_saat' },
        exemptionGround: { from: item.exemptionGround, to: null },
        exemptionUntil: { from: item.exemptionUntil, to: null },
      },
      now,
    );
    return true;
  }
}

function isExempt(i: DipItemRecord): boolean {
  return i.status === 'active' && i.category === 'dikecualikan';
}

/** Why a refusal's test cannot join this item, or null. */
function joinProblem(item: DipItemRecord | null, bodyId: number, ground: string): string | null {
  if (!item || item.bodyId !== bodyId || !isExempt(item)) return 'Pilih informasi yang dikecualikan (masih berlaku) dari Daftar Informasi Publik badan publik ini.';
  if (item.exemptionGround !== ground) return `Informasi yang dipilih dikecualikan dengan alasan Pasal 17 huruf ${item.exemptionGround}; pilih yang beralasan sama (huruf ${ground}) atau biarkan kosong untuk menambah informasi baru.`;
  return null;
}
