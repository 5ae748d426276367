import { isValidLocalDate } from 'src/common/time/local-time';
import { COPY_DELIVERIES, CopyDelivery } from 'src/modules/requests/request-options';

export const DECISIONS = {
  granted: 'Diberikan seluruhnya',
  partially_granted: 'Diberikan sebagian',
  refused: 'Ditolak',
  not_held: 'Tidak dikuasai',
  not_documented: 'Belum didokumentasikan',
} as const;
export type Decision = keyof typeof DECISIONS;

/** Pasal 17 grounds a–j, short labels for letters and registers. */
export const EXEMPTION_GROUNDS = {
  a: 'menghambat proses penegakan hukum',
  b: 'mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan perlindungan dari persaingan usaha tidak sehat',
  c: 'membahayakan pertahanan dan keamanan negara',
  d: 'mengungkapkan kekayaan alam Indonesia',
  e: 'merugikan ketahanan ekonomi nasional',
  f: 'merugikan kepentingan hubungan luar negeri',
  g: 'mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir ataupun wasiat seseorang',
  h: 'mengungkap rahasia pribadi',
  i: 'memorandum atau surat-surat antar atau intra badan publik yang menurut sifatnya dirahasiakan',
  j: 'informasi yang tidak boleh diungkapkan berdasarkan undang-undang',
} as const;
export type ExemptionGround = keyof typeof EXEMPTION_GROUNDS;

/** Grounds a–f are not permanent (Pasal 20): the exemption needs an end or review date. */
const TEMPORARY_GROUNDS = new Set<ExemptionGround>(['a', 'b', 'c', 'd', 'e', 'f']);

export const FORMATS = { softcopy: 'Softcopy (salinan elektronik)', hardcopy: 'Hardcopy (salinan cetak)' } as const;
export type InformationFormat = keyof typeof FORMATS;

export interface ConsequenceTest {
  date: string;
  participants: string[];
  consequence: string;
  exemptionUntil: string | null;
}

/** The written notice of Pasal 22(7), or a refusal under Pasal 17, as the officer fills it in. */
export interface NoticeInput {
  decision: Decision;
  informationHeld: boolean;
  holderBody: string | null;
  material: string | null;
  redactions: string | null;
  format: InformationFormat | null;
  delivery: CopyDelivery | null;
  fee: number | null;
  paymentMethod: string | null;
  timeNeeded: string | null;
  reason: string | null;
  exemptionGround: ExemptionGround | null;
  exemptionLaw: string | null;
  consequenceTest: ConsequenceTest | null;
}

/** A notice of `decision` with every optional part empty, to fill in what the decision needs. */
export function blankNotice(decision: Decision): NoticeInput {
  return {
    decision,
    informationHeld: true,
    holderBody: null,
    material: null,
    redactions: null,
    format: null,
    delivery: null,
    fee: null,
    paymentMethod: null,
    timeNeeded: null,
    reason: null,
    exemptionGround: null,
    exemptionLaw: null,
    consequenceTest: null,
  };
}

function str(v: unknown, max = 5000): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t.slice(0, max);
}

function bool(v: unknown): boolean | null {
  if (v === true || v === 'true' || v === '1' || v === 'ya') return true;
  if (v === false || v === 'false' || v === '0' || v === 'tidak') return false;
  return null;
}

function participantsOf(v: unknown): string[] {
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\r?\n|;/) : [];
  return list.filter((p): p is string => typeof p === 'string').map((p) => p.trim()).filter((p) => p !== '').slice(0, 50);
}

/** Validates a notice from the officer's form or the JSON API; errors per field in Bahasa Indonesia. */
export function parseNoticeInput(
  raw: Record<string, unknown>,
): { notice: NoticeInput; errors: null } | { notice: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const decision = str(raw.decision) as Decision | null;
  if (!decision || !Object.hasOwn(DECISIONS, decision)) errors.decision = 'Pilih keputusan.';
  let informationHeld = bool(raw.informationHeld);
  if (decision === 'not_held') informationHeld = false;
  if (informationHeld === null) errors.informationHeld = 'Nyatakan apakah informasi berada di bawah penguasaan badan publik.';

  const material = str(raw.material);
  const redactions = str(raw.redactions);
  const format = str(raw.format) as InformationFormat | null;
  const delivery = str(raw.delivery) as CopyDelivery | null;
  const granting = decision === 'granted' || decision === 'partially_granted';
  if (granting) {
    if (!material) errors.material = 'Sebutkan bahan informasi yang akan diberikan.';
    if (!format || !Object.hasOwn(FORMATS, format)) errors.format = 'Pilih bentuk informasi: softcopy atau hardcopy.';
    if (!delivery || !Object.hasOwn(COPY_DELIVERIES, delivery)) errors.delivery = 'Pilih cara penyampaian informasi.';
  } else {
    if (format && !Object.hasOwn(FORMATS, format)) errors.format = 'Pilih bentuk informasi: softcopy atau hardcopy.';
    if (delivery && !Object.hasOwn(COPY_DELIVERIES, delivery)) errors.delivery = 'Pilih cara penyampaian informasi.';
  }
  if (decision === 'partially_granted' && !redactions) {
    errors.redactions = 'Sebutkan bagian yang dihitamkan beserta alasannya.';
  }
  let fee: number | null = null;
  if (raw.fee !== undefined && raw.fee !== null && raw.fee !== '') {
    fee = typeof raw.fee === 'number' ? raw.fee : Number(String(raw.fee).replace(/[.\s]/g, ''));
    if (!Number.isInteger(fee) || fee < 0 || fee > 1_000_000_000) errors.fee = 'Biaya harus bilangan bulat rupiah, 0 bila tanpa biaya.';
  }
  const paymentMethod = str(raw.paymentMethod, 500);
  if (fee !== null && fee > 0 && !paymentMethod) errors.paymentMethod = 'Jelaskan cara pembayaran biaya.';

  const reason = str(raw.reason);
  const groundRaw = str(raw.exemptionGround);
  const exemptionGround = groundRaw && Object.hasOwn(EXEMPTION_GROUNDS, groundRaw) ? (groundRaw as ExemptionGround) : null;
  const exemptionLaw = str(raw.exemptionLaw, 500);
  let consequenceTest: ConsequenceTest | null = null;
  if (decision === 'refused') {
    if (!exemptionGround) errors.exemptionGround = 'Pilih alasan pengecualian Pasal 17 huruf a sampai j.';
    if (exemptionGround === 'j' && !exemptionLaw) errors.exemptionLaw = 'Sebutkan undang-undang yang menutup informasi ini.';
    if (!reason) errors.reason = 'Jelaskan alasan penolakan.';
    const ct = (typeof raw.consequenceTest === 'object' && raw.consequenceTest !== null ? raw.consequenceTest : {}) as Record<string, unknown>;
    const date = str(ct.date, 10);
    const participants = participantsOf(ct.participants);
    const consequence = str(ct.consequence);
    const until = str(ct.exemptionUntil, 10);
    if (!date || !isValidLocalDate(date)) errors['consequenceTest.date'] = 'Isi tanggal uji konsekuensi.';
    if (participants.length === 0) errors['consequenceTest.participants'] = 'Sebutkan peserta uji konsekuensi.';
    if (!consequence) errors['consequenceTest.consequence'] = 'Uraikan konsekuensi yang timbul bila informasi dibuka.';
    if (until && !isValidLocalDate(until)) errors['consequenceTest.exemptionUntil'] = 'Tanggal akhir pengecualian tidak valid.';
    if (!until && exemptionGround && TEMPORARY_GROUNDS.has(exemptionGround)) {
      errors['consequenceTest.exemptionUntil'] = 'Pengecualian huruf a–f tidak permanen: isi tanggal berakhir atau ditinjau kembali (Pasal 20).';
    }
    consequenceTest = { date: date ?? '', participants, consequence: consequence ?? '', exemptionUntil: until };
  }
  const holderBody = str(raw.holderBody, 300);

  if (Object.keys(errors).length > 0 || !decision || informationHeld === null) return { notice: null, errors };
  return {
    notice: {
      decision,
      informationHeld,
      holderBody: decision === 'not_held' ? holderBody : null,
      material: granting ? material : null,
      redactions: decision === 'partially_granted' ? redactions : null,
      format: granting ? format : null,
      delivery: granting ? delivery : null,
      fee,
      paymentMethod,
      timeNeeded: str(raw.timeNeeded, 500),
      reason,
      exemptionGround: decision === 'refused' ? exemptionGround : null,
      exemptionLaw: decision === 'refused' && exemptionGround === 'j' ? exemptionLaw : null,
      consequenceTest,
    },
    errors: null,
  };
}
