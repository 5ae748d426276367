import { fromDayNumber, LocalDate, toDayNumber } from 'src/common/time/local-time';

/**
 * The register of exempted information as it grows from decisions (UU 14/2008 Pasal 17, 19, 20 and
 * 11(2)): the rules as functions of plain values. An exemption of grounds a–f ends on its Pasal 20
 * date; from the day after, the item is public (tersedia setiap saat). An atasan PPID's or the Komisi
 * Informasi's decision that opens the information opens the items linked to the request's tests.
 */

/** Why an exempted item became public: its end date passed, an objection, the Komisi Informasi, an officer by hand. */
export const OPENING_REASONS = ['expired', 'objection', 'commission', 'manual'] as const;
export type OpeningReason = (typeof OPENING_REASONS)[number];

export const OPENING_REASON_LABELS: Record<OpeningReason, string> = {
  expired: 'Jangka waktu pengecualian berakhir (Pasal 20 UU 14/2008)',
  objection: 'Keputusan Atasan PPID atas keberatan',
  commission: 'Putusan Komisi Informasi atas sengketa informasi',
  manual: 'Diklasifikasi ulang oleh PPID',
};

/** Pasal 17 grounds as the register names them. */
export const GROUND_LABELS: Record<string, string> = {
  a: 'huruf a: menghambat proses penegakan hukum',
  b: 'huruf b: mengganggu perlindungan hak kekayaan intelektual dan persaingan usaha tidak sehat',
  c: 'huruf c: membahayakan pertahanan dan keamanan negara',
  d: 'huruf d: mengungkapkan kekayaan alam Indonesia',
  e: 'huruf e: merugikan ketahanan ekonomi nasional',
  f: 'huruf f: merugikan kepentingan hubungan luar negeri',
  g: 'huruf g: mengungkapkan isi akta otentik atau wasiat',
  h: 'huruf h: mengungkap rahasia pribadi',
  i: 'huruf i: memorandum atau surat antar/intra badan publik yang dirahasiakan',
  j: 'huruf j: ditutup oleh undang-undang lain',
};

/** The first day the information is public: the day after the Pasal 20 end date (a calendar day, not a working day). */
export function openingDay(exemptionUntil: LocalDate): LocalDate {
  return fromDayNumber(toDayNumber(exemptionUntil) + 1);
}

/** Whether an exemption ending `exemptionUntil` has ended on the local date `today`; never for an exemption without an end. */
export function exemptionEnded(exemptionUntil: LocalDate | null, today: LocalDate): boolean {
  return exemptionUntil !== null && today >= openingDay(exemptionUntil);
}

/** The decisions that open information, with how much they open. */
export type OpeningDecision =
  | { kind: 'objection'; decision: 'uphold' | 'overturn' | 'overturn_partially' }
  | { kind: 'commission'; outcome: 'opened' | 'partially_opened' | 'rejected' | 'mediated' | 'withdrawn' };

/** 'all' the linked items, only the 'chosen' ones, or 'none'. */
export function openingScope(d: OpeningDecision): 'all' | 'chosen' | 'none' {
  if (d.kind === 'objection') return d.decision === 'overturn' ? 'all' : d.decision === 'overturn_partially' ? 'chosen' : 'none';
  return d.outcome === 'opened' ? 'all' : d.outcome === 'partially_opened' ? 'chosen' : 'none';
}

export interface LinkedItem {
  id: number;
  /** Still dikecualikan and active: only those can open. */
  exempt: boolean;
}

/**
 * Which of the request's linked items a decision opens. A partial decision opens only the items
 * chosen; a chosen id that is not linked to the request is an error (the caller answers 400).
 */
export function itemsToOpen(d: OpeningDecision, linked: readonly LinkedItem[], chosen: readonly number[] = []): { open: number[]; unknown: number[] } {
  const scope = openingScope(d);
  const linkedIds = new Set(linked.map((i) => i.id));
  const unknown = scope === 'chosen' ? [...new Set(chosen)].filter((id) => !linkedIds.has(id)) : [];
  const wanted = scope === 'all' ? linkedIds : scope === 'chosen' ? new Set(chosen) : new Set<number>();
  const open = linked.filter((i) => i.exempt && wanted.has(i.id)).map((i) => i.id);
  return { open: [...new Set(open)].sort((a, b) => a - b), unknown };
}

/** A new end date when a further test joins an item: the later of the two; none stays none only if both are none. */
export function joinedEndDate(current: LocalDate | null, added: LocalDate | null): LocalDate | null {
  if (current === null) return added === null ? null : added;
  if (added === null) return current;
  return added > current ? added : current;
}

const NIK_LIKE = /(?<![\w.,-])\d(?:[ .-]?\d){15}(?!\d)/g;
const EMAIL_LIKE = /[^\s@<>()[\]]+@[^\s@<>()[\]]+\.[^\s@<>()[\]]+/g;
const PHONE_LIKE = /(?<![\w.,-])(?:\+62|62|0)\d(?:[ -]?\d){6,12}(?!\d)/g;
const MASK = '[disamarkan]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The requester's own strings: the name is masked word by word too; the others (e-mail, NIK, phone, address, registration number) whole. */
export interface PersonalStrings {
  name: string | null;
  others: readonly (string | null | undefined)[];
}

/**
 * A text from a consequence test as the public register may show it: the requester's name (whole,
 * and each of its words of three letters or more, as whole words), their other strings, and
 * anything that looks like a NIK, an e-mail address or a telephone number, masked. Officers write the
 * test about the information, not the requester; this is the net under it.
 */
export function withoutPersonalData(text: string, personal: PersonalStrings): string {
  let out = text;
  const needles = new Set<string>();
  const add = (p: string | null | undefined) => {
    const whole = typeof p === 'string' ? p.trim() : '';
    if (whole.length >= 3) needles.add(whole);
  };
  add(personal.name);
  for (const word of (personal.name ?? '').split(/[\s,.;:'"()/-]+/)) add(word);
  for (const p of personal.others) add(p);
  // Longest first, so a whole name goes before its words; whole words only, so "Ali" leaves "kualitas" alone.
  for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, 'giu'), MASK);
  }
  return out.replace(EMAIL_LIKE, MASK).replace(NIK_LIKE, MASK).replace(PHONE_LIKE, MASK);
}

/** What a refusal's consequence test gives the new dikecualikan item. */
export interface ExemptionTestText {
  information: string;
  consequence: string;
  ground: string;
  law: string | null;
  testedOn: LocalDate;
  registrationNumber: string;
}

/** Title and summary of the item a refusal adds to the register, without the requester's personal data. */
export function exemptionItemText(t: ExemptionTestText, personal: PersonalStrings): { title: string; summary: string } {
  const information = withoutPersonalData(t.information, personal).replace(/\s+/g, ' ').trim();
  const title = information.length > 200 ? `${information.slice(0, 197).trimEnd()}…` : information;
  const law = t.ground === 'j' && t.law ? ` (${withoutPersonalData(t.law, personal)})` : '';
  const summary =
    `Dikecualikan berdasarkan Pasal 17 ${GROUND_LABELS[t.ground] ?? `huruf ${t.ground}`}${law} UU 14/2008, ` +
    `dengan uji konsekuensi tanggal ${t.testedOn} atas permohonan ${t.registrationNumber}. ` +
    `Konsekuensi bila dibuka: ${withoutPersonalData(t.consequence, personal).replace(/\s+/g, ' ').trim()}`;
  return { title: title === '' ? 'Informasi yang dikecualikan' : title, summary: summary.slice(0, 5000) };
}
