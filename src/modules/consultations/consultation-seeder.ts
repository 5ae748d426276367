import { EntityManager } from 'typeorm';
import { FieldCipher } from 'src/common/crypto/field-cipher';
import { consultationContext } from './consultation-secrets';
import { formatConsultationNumber } from './consultation-rules';
import { ConsultationsRepository } from './consultations.repository';

/** A consultation as a simulation planned it: who asked what where and when, and what became of it. */
export interface SimulatedConsultation {
  bodyId: number;
  regionCode: string;
  unitId: number;
  year: number;
  askerName: string;
  askerEmail: string;
  question: string;
  faqConsent: boolean;
  trackingCode: string;
  receivedAt: Date;
  effectiveReceiptDate: string;
  dueDate: string;
  dueProvisional: boolean;
  answer: { text: string; at: Date; userId: number | null; name: string } | null;
  /** The question as published and when; only for an answered one whose asker consented. */
  faq: { question: string; at: Date } | null;
}

/**
 * Writes simulated consultations (the demo data) the way the desk stores real ones: numbered per
 * body and year from the counters, the asker and the tracking code sealed under their number.
 * No mail is sent.
 */
export class ConsultationSeeder {
  constructor(
    private readonly consultations: ConsultationsRepository,
    private readonly cipher: FieldCipher,
  ) {}

  /** Inserts them in the order given; returns the numbers. */
  async insert(m: EntityManager, planned: readonly SimulatedConsultation[]): Promise<string[]> {
    const numbers: string[] = [];
    for (const p of planned) {
      if (p.faq && (!p.answer || !p.faqConsent)) throw new Error('a FAQ entry needs an answer and the asker’s consent');
      const seq = await this.consultations.nextSeq(m, p.bodyId, p.year);
      const number = formatConsultationNumber(p.regionCode, p.year, seq);
      await this.consultations.insert(m, {
        number,
        bodyId: p.bodyId,
        unitId: p.unitId,
        year: p.year,
        seq,
        askerName: this.cipher.encrypt(p.askerName, consultationContext('asker_name', number)),
        askerEmail: this.cipher.encrypt(p.askerEmail, consultationContext('asker_email', number)),
        question: p.question,
        faqConsent: p.faqConsent,
        trackingCode: this.cipher.encrypt(p.trackingCode, consultationContext('tracking_code', number)),
        receivedAt: p.receivedAt,
        effectiveReceiptDate: p.effectiveReceiptDate,
        dueDate: p.dueDate,
        dueProvisional: p.dueProvisional,
        status: p.answer ? 'answered' : 'open',
        answer: p.answer?.text ?? null,
        answeredAt: p.answer?.at ?? null,
        answererId: p.answer?.userId ?? null,
        answererName: p.answer?.name ?? null,
        faqQuestion: p.faq?.question ?? null,
        faqPublishedAt: p.faq?.at ?? null,
      });
      numbers.push(number);
    }
    return numbers;
  }
}
