import { Injectable, Logger } from '@nestjs/common';
import { AccessDenied } from 'src/common/auth/access-errors';
import { Actor } from 'src/common/auth/actor';
import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { parseDto } from 'src/common/forms/validate-dto';
import { localDateTimeOf } from 'src/common/time/local-time';
import { formatLocalDate } from 'src/common/views/view-helpers';
import { DatabaseService } from 'src/database/database.service';
import { AccessPolicy } from 'src/modules/auth';
import { BodiesService, letterDetailsOf, normalizeRegionCode, PpidUnit } from 'src/modules/bodies';
import { DocumentsService, LetterData } from 'src/modules/documents';
import { FilesService } from 'src/modules/files';
import { PublicationReasonDto } from './dto/published-answer-params';
import { PersonalFields } from './personal-data';
import { isPublishable, publicationAction, publicTexts } from './publication-rules';
import { PublishedAnswerConflict, PublishedAnswerNotFound } from './published-answers.errors';
import {
  AnswerDocumentRecord,
  AnswerHistoryRecord,
  AnswerRecord,
  PublicationCandidate,
  PublicationCount,
  PublicLetter,
  PublishedAnswersRepository,
} from './published-answers.repository';

export const ANSWERS_PAGE_SIZE = 20;
const SWEEP_BATCH = 200;
/** Why the sweep takes an answer down; shown to officers on its history, never to the public. */
const SYSTEM_WITHDRAWAL = 'Keputusan atas permohonan berubah, permohonan dicabut, atau persetujuan publikasi tidak berlaku lagi.';

export interface SweepResult {
  published: number;
  updated: number;
  withdrawn: number;
}

export interface PublicAnswer {
  answer: AnswerRecord;
  /** Every document of the answer; a withheld one is listed as such, without its title or reason. */
  documents: AnswerDocumentRecord[];
}

export interface AnswerList {
  items: AnswerRecord[];
  total: number;
  page: number;
  pages: number;
  bodyCode: string | null;
  year: number | null;
}

export interface OfficerAnswer extends PublicAnswer {
  history: AnswerHistoryRecord[];
}

/**
 * Published answers: the sweep that turns decided requests with consent into public answers
 * (run as a job, see publication-jobs.ts), the public list, page, letter and documents, and the
 * officers' withholding and withdrawal.
 */
@Injectable()
export class PublishedAnswersService {
  private readonly logger = new Logger('PublishedAnswers');

  constructor(
    private readonly db: DatabaseService,
    private readonly answers: PublishedAnswersRepository,
    private readonly bodies: BodiesService,
    private readonly access: AccessPolicy,
    private readonly cipher: FieldCipher,
    private readonly documents: DocumentsService,
    private readonly files: FilesService,
  ) {}

  /** Publishes, replaces or takes down what changed since the last sweep; idempotent. */
  async sweep(now: Date): Promise<SweepResult> {
    const result: SweepResult = { published: 0, updated: 0, withdrawn: 0 };
    let after = '0';
    for (;;) {
      const batch = await this.answers.findCandidates(after, SWEEP_BATCH);
      for (const c of batch) {
        try {
          await this.settle(c, now, result);
        } catch (error) {
          // One request that cannot be published must not hold back the others; the next sweep tries again.
          this.logger.warn({ msg: 'answer not published', requestId: c.requestId, error: (error as Error).message });
        }
      }
      if (batch.length < SWEEP_BATCH) return result;
      after = batch[batch.length - 1].requestId;
    }
  }

  private async settle(c: PublicationCandidate, now: Date, result: SweepResult): Promise<void> {
    const action = publicationAction({
      consent: c.consent,
      decision: c.decision,
      answeredAt: c.answeredAt,
      withdrawn: c.withdrawn,
      answer: c.answerId && c.answerStatus && c.answerDecidedAt ? { status: c.answerStatus, decidedAt: c.answerDecidedAt } : null,
    });
    if (action === 'withdraw') {
      await this.db.transaction(async (m) => {
        if (await this.answers.markWithdrawn(m, c.answerId!, SYSTEM_WITHDRAWAL, now)) {
          await this.answers.insertHistory(m, c.answerId!, 'withdrawn', null, now, { reason: SYSTEM_WITHDRAWAL });
          result.withdrawn++;
        }
      });
      return;
    }
    if (action === 'none') {
      // Still published and decided as before: only documents handed over since are added.
      if (!c.answerId || c.answerStatus !== 'published') return;
      await this.db.transaction(async (m) => {
        const added = await this.answers.linkHandedOverDocuments(m, c.answerId!, c.requestId);
        if (added.length > 0) await this.answers.insertHistory(m, c.answerId!, 'updated', null, now, { documents: added.length });
      });
      return;
    }
    const notice = await this.answers.findLatestNotice(c.requestId);
    if (!notice || !isPublishable(c.decision) || notice.notice.decision !== c.decision) return;
    const unit = await this.bodies.getUnit(c.unitId);
    const texts = publicTexts(c.information, notice.notice, this.personalFieldsOf(c));
    const decidedOn = localDateTimeOf(c.answeredAt!, unit.timeZone).date;
    const letter = publicLetterOf(unit, decidedOn, texts.rows, notice.officerName);
    await this.db.transaction(async (m) => {
      const saved = await this.answers.upsertAnswer(m, {
        requestId: c.requestId,
        bodyId: c.bodyId,
        unitId: c.unitId,
        title: texts.title,
        summary: texts.summary,
        decision: c.decision as 'granted' | 'partially_granted',
        decidedOn,
        decidedAt: c.answeredAt!,
        letterNumber: notice.letterNumber,
        letter,
      }, now);
      const added = await this.answers.linkHandedOverDocuments(m, saved.id, c.requestId);
      await this.answers.insertHistory(m, saved.id, saved.created ? 'published' : 'updated', null, now, { decision: c.decision, decidedOn, documents: added.length });
      if (saved.created) result.published++;
      else result.updated++;
    });
  }

  private personalFieldsOf(c: PublicationCandidate): PersonalFields {
    const open = (column: string, value: Buffer | null): string | null => this.cipher.decryptText(value, sealContext('requests', column, c.registrationNumber));
    return {
      name: c.requesterName,
      individual: c.requesterType !== 'organization',
      nik: open('requester_nik', c.requesterNik),
      registrationNo: c.requesterRegistrationNo,
      email: c.requesterEmail,
      phone: open('requester_phone', c.requesterPhone),
      address: open('requester_address', c.requesterAddress),
    };
  }

  /** The published answers, newest decision first; `body` a region code ('35.78', '3578'). */
  async publicList(filter: { body?: string; year?: number; page?: number }): Promise<AnswerList> {
    let bodyCode: string | null = null;
    if (filter.body !== undefined) {
      bodyCode = normalizeRegionCode(filter.body);
      // A well-formed code of no body of the province is a mistake in the filter, said as such.
      const known = bodyCode !== null && (await this.bodies.listBodies()).some((b) => b.code === bodyCode);
      if (!known) throw new ValidationFailed({ body: 'Badan publik tidak dikenal.' });
    }
    const page = filter.page ?? 1;
    const { items, total } = await this.answers.findPublished({
      bodyCode: bodyCode ?? undefined,
      year: filter.year,
      offset: (page - 1) * ANSWERS_PAGE_SIZE,
      limit: ANSWERS_PAGE_SIZE,
    });
    return { items, total, page, pages: Math.max(1, Math.ceil(total / ANSWERS_PAGE_SIZE)), bodyCode, year: filter.year ?? null };
  }

  years(): Promise<number[]> {
    return this.answers.findYears();
  }

  async publicAnswer(id: string): Promise<PublicAnswer> {
    const answer = await this.answers.findAnswer(id);
    if (!answer || answer.status !== 'published') throw new PublishedAnswerNotFound();
    return { answer, documents: await this.answers.findDocuments(id) };
  }

  /** The public version of the notice: no recipient's name, no registration number or tracking link. */
  async publicLetterPdf(id: string): Promise<{ filename: string; content: Buffer }> {
    const { answer } = await this.publicAnswer(id);
    return { filename: `jawaban-${answer.id}-surat-pemberitahuan.pdf`, content: await this.documents.renderLetter(letterData(answer)) };
  }

  async publicDocument(id: string, documentId: string): Promise<{ filename: string; mediaType: string; content: Buffer }> {
    const { documents } = await this.publicAnswer(id);
    const doc = documents.find((d) => d.id === documentId);
    if (!doc || doc.withheldAt) throw new PublishedAnswerNotFound('Dokumen tidak ditemukan atau tidak dipublikasikan.');
    const file = await this.files.read(doc.fileId);
    if (!file) throw new PublishedAnswerNotFound('Dokumen tidak ditemukan atau tidak dipublikasikan.');
    return { filename: file.filename, mediaType: file.mediaType, content: file.plain };
  }

  /** Answers of the units the officer works, published and withdrawn, newest first. */
  async officerList(actor: Actor): Promise<AnswerRecord[]> {
    this.assertOfficerRole(actor);
    const units = await this.access.visibleUnitIds(actor);
    return this.answers.findOfUnits(units === 'all' ? null : units);
  }

  async officerAnswer(actor: Actor, id: string): Promise<OfficerAnswer> {
    const answer = await this.visibleAnswer(actor, id);
    const [documents, history] = await Promise.all([this.answers.findDocuments(id), this.answers.findHistory(id)]);
    return { answer, documents, history };
  }

  /** The answer of a request, for the officer's request page; null when there is none. */
  async answerOfRequest(requestId: string): Promise<AnswerRecord | null> {
    return this.answers.findAnswerOfRequest(requestId);
  }

  async withholdDocument(actor: Actor, id: string, documentId: string, raw: Record<string, unknown>, now: Date): Promise<void> {
    await this.visibleAnswer(actor, id);
    const { reason } = parseDto(PublicationReasonDto, raw);
    await this.db.transaction(async (m) => {
      const answer = await this.answers.lockAnswer(m, id);
      if (!answer) throw new PublishedAnswerNotFound();
      const documents = await this.answers.findDocuments(id, m);
      const doc = documents.find((d) => d.id === documentId);
      if (!doc) throw new PublishedAnswerNotFound('Dokumen tidak ditemukan.');
      if (!(await this.answers.markDocumentWithheld(m, id, documentId, reason, now))) throw new PublishedAnswerConflict('Dokumen ini sudah tidak dipublikasikan.');
      await this.answers.insertHistory(m, id, 'document_withheld', { id: actor.userId, name: actor.name }, now, { documentId, title: doc.title, reason });
    });
  }

  async withdraw(actor: Actor, id: string, raw: Record<string, unknown>, now: Date): Promise<void> {
    await this.visibleAnswer(actor, id);
    const { reason } = parseDto(PublicationReasonDto, raw);
    await this.db.transaction(async (m) => {
      if (!(await this.answers.markWithdrawn(m, id, reason, now))) throw new PublishedAnswerConflict('Jawaban ini sudah ditarik dari publikasi.');
      await this.answers.insertHistory(m, id, 'withdrawn', { id: actor.userId, name: actor.name }, now, { reason });
    });
  }

  /**
   * Per body, requests granted in full or in part with the notice dated in [from, to] (local
   * dates, inclusive) and how many of them are published now: "share of granted answers published".
   */
  countsByBody(from: string, to: string): Promise<PublicationCount[]> {
    return this.answers.countByBody(from, to);
  }

  /** Per body, the published answers of the granted requests received from `from` to `to` (local dates of `timeZone`). */
  async publishedOfReceived(from: string, to: string, timeZone: string): Promise<Map<number, number>> {
    return new Map((await this.answers.publishedOfReceivedByBody(from, to, timeZone)).map((r) => [r.bodyId, r.published]));
  }

  private assertOfficerRole(actor: Actor): void {
    if (actor.role !== 'officer') throw new AccessDenied();
  }

  /** An answer of a unit the officer works (the request's unit, or any unit of the body for PPID Utama); otherwise 404. */
  private async visibleAnswer(actor: Actor, id: string): Promise<AnswerRecord> {
    const answer = await this.answers.findAnswer(id);
    if (!answer || !(await this.access.canSeeUnit(actor, answer.unitId))) throw new PublishedAnswerNotFound('Jawaban tidak ditemukan.');
    this.assertOfficerRole(actor);
    return answer;
  }
}

/** The stored public letter: the unit's letterhead and signer, the cleaned rows, no recipient. */
function publicLetterOf(unit: PpidUnit, decidedOn: string, rows: PublicLetter['rows'], officerName: string | null): PublicLetter {
  const details = letterDetailsOf(unit);
  const place = (unit.body.region?.name ?? unit.body.name).replace(/^(Kota|Kabupaten)\s+/, '');
  return {
    subject: 'Pemberitahuan Tertulis atas Permohonan Informasi Publik (salinan untuk publikasi)',
    place,
    dateText: formatLocalDate(decidedOn, false),
    kopLines: details.kopLines,
    rows,
    signer: details.signer
      ? { role: details.signer.position, name: details.signer.name, nip: details.signer.nip }
      : { role: `Pejabat Pengelola Informasi dan Dokumentasi\n${unit.name}`, name: officerName ?? 'PPID' },
  };
}

export function letterData(answer: AnswerRecord): LetterData {
  const l = answer.letter;
  return {
    bodyName: answer.bodyName,
    unitName: answer.unitName,
    kopLines: l.kopLines.length > 0 ? l.kopLines : undefined,
    number: answer.letterNumber ?? '-',
    subject: l.subject,
    place: l.place,
    dateText: l.dateText,
    recipient: { name: 'Pemohon Informasi Publik', lines: ['(identitas pemohon tidak dipublikasikan)'] },
    sections: [
      {
        kind: 'paragraph',
        text: 'Salinan ini dipublikasikan atas persetujuan pemohon, tanpa data pribadi pemohon. Berdasarkan Pasal 22 ayat (7) Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik, pemberitahuan tertulis atas permohonan informasi tersebut sebagai berikut:',
      },
      { kind: 'fields', rows: l.rows },
    ],
    closing: '',
    signer: l.signer,
    footerNote: 'Jawaban yang dipublikasikan melalui Portal KIP. Data pribadi pemohon telah dihapus dari salinan ini.',
  };
}
