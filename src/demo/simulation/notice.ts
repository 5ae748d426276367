/** The written answer to a request (notice, refusal with its consequence test, not held), as the officer form would take it. */
import { CopyDelivery, NoticeInput, ObtainMethod, blankNotice } from 'src/modules/requests';
import { BodyClock } from './body-clock';
import { SimBody, SimUnit } from './model';
import { Random } from './random';
import { RequestDraft } from './request-draft';
import { CONSEQUENCE_TEST_PARTICIPANTS } from './topics';
import { PAYMENT_METHODS } from './vocabulary';

const TIME_NEEDED: readonly string[] = [
  'Informasi disampaikan bersama pemberitahuan ini.',
  'Salinan disampaikan paling lambat 3 hari kerja setelah pemberitahuan ini.',
  'Salinan dapat diambil di loket PPID mulai hari kerja berikutnya pada jam layanan.',
];

function endOfExemption(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}-12-31`;
}

export interface NoticeCircumstances {
  obtainMethod: ObtainMethod;
  copyDelivery: CopyDelivery | null;
  /** Local day numbers: day 0 of the request and the day of the answer. */
  day0: number;
  answerDay: number;
  /** The unit that answers. */
  unit: SimUnit;
}

export function drawNotice(
  random: Random,
  clock: BodyClock,
  body: SimBody,
  draft: Pick<RequestDraft, 'decision' | 'topic' | 'context'>,
  r: NoticeCircumstances,
): NoticeInput {
  const { decision, topic, context } = draft;
  const blank = blankNotice(decision);
  switch (decision) {
    case 'granted':
    case 'partially_granted': {
      const fee = r.obtainMethod === 'copy_hard' && random.chance(0.35) ? random.int(2, 30) * 2500 : 0;
      const partial = decision === 'partially_granted';
      // The part blacked out is withheld under Pasal 17 h, after a consequence test like a refusal's.
      const date = clock.calendar.formatDayNumber(Math.max(r.day0, clock.workingDayBefore(r.answerDay, 1)));
      return {
        ...blank,
        material: topic.material?.(context) ?? topic.information(context),
        redactions: partial ? (topic.redactions ?? 'Data pribadi dihitamkan (Pasal 17 huruf h).') : null,
        exemptionGround: partial ? 'h' : null,
        consequenceTest: partial
          ? {
              date,
              information: 'Data pribadi dalam dokumen (nama, NIK, alamat, nomor rekening dan tanda tangan orang perseorangan).',
              consequence: 'Membuka data pribadi orang perseorangan mengungkap rahasia pribadinya dan membuka peluang penyalahgunaan identitas.',
              publicInterest: 'Isi dokumen yang menyangkut kepentingan publik tetap diberikan; data pribadi tidak menambah manfaat bagi publik.',
              participants: CONSEQUENCE_TEST_PARTICIPANTS(body.region, r.unit.kind ? r.unit.name : null),
              legalBasis: 'Pasal 17 huruf h Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik',
              exemptionUntil: null,
            }
          : null,
        format: r.obtainMethod === 'copy_soft' ? 'softcopy' : 'hardcopy',
        delivery: r.copyDelivery ?? 'pickup',
        fee,
        paymentMethod: fee > 0 ? random.pick(PAYMENT_METHODS) : null,
        timeNeeded: random.pick(TIME_NEEDED),
      };
    }
    case 'refused': {
      const testDay = Math.max(r.day0, clock.workingDayBefore(r.answerDay, random.int(1, 2)));
      const date = clock.calendar.formatDayNumber(testDay);
      const ground = topic.ground ?? 'h';
      return {
        ...blank,
        reason: topic.reason?.(context) ?? 'Informasi termasuk informasi yang dikecualikan.',
        exemptionGround: ground,
        exemptionLaw: ground === 'j' ? (topic.law ?? null) : null,
        consequenceTest: {
          date,
          information: topic.information(context),
          consequence: topic.consequence ?? 'Membuka informasi ini lebih merugikan daripada menutupnya.',
          publicInterest: 'Kepentingan publik atas informasi ini tidak lebih besar daripada kerugian yang timbul bila informasi dibuka.',
          participants: CONSEQUENCE_TEST_PARTICIPANTS(body.region, r.unit.kind ? r.unit.name : null),
          legalBasis:
            ground === 'j' && topic.law
              ? `Pasal 17 huruf j Undang-Undang Nomor 14 Tahun 2008 jo. ${topic.law}`
              : `Pasal 17 huruf ${ground} Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik`,
          exemptionUntil: topic.exemptionYears ? endOfExemption(date, topic.exemptionYears) : null,
        },
      };
    }
    case 'not_held':
      return { ...blank, informationHeld: false, holderBody: topic.holderBody?.(context) ?? null, reason: topic.reason?.(context) ?? null };
    case 'not_documented':
      return { ...blank, reason: topic.reason?.(context) ?? 'Informasi belum didokumentasikan.' };
  }
}
