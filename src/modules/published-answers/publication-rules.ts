import type { FieldRow } from 'src/modules/documents';
import { COPY_DELIVERIES, DECISIONS, EXEMPTION_GROUNDS, FORMATS } from 'src/modules/requests';
import type { NoticeInput } from 'src/modules/requests';
import { PersonalFields, redactPersonalData } from './personal-data';

export const PUBLISHABLE_DECISIONS = ['granted', 'partially_granted'] as const;
export type PublishableDecision = (typeof PUBLISHABLE_DECISIONS)[number];

export function isPublishable(decision: string | null): decision is PublishableDecision {
  return decision === 'granted' || decision === 'partially_granted';
}

/** Where a request stands for publication, as the sweep reads it. */
export interface PublicationState {
  consent: boolean;
  decision: string | null;
  answeredAt: Date | null;
  withdrawn: boolean;
  /** The published answer of the request, if any. */
  answer: { status: 'published' | 'withdrawn'; decidedAt: Date } | null;
}

export type PublicationAction = 'publish' | 'update' | 'withdraw' | 'none';

/**
 * What the sweep does with a request: a granted (or partly granted) answer with consent is
 * published; a later decision replaces it; a later refusal, a withdrawn request or a consent
 * no longer given takes it down. An answer taken down stays down (an officer's reason stands).
 */
export function publicationAction(s: PublicationState): PublicationAction {
  const publishable = s.consent && !s.withdrawn && s.answeredAt !== null && isPublishable(s.decision);
  if (!s.answer) return publishable ? 'publish' : 'none';
  if (s.answer.status === 'withdrawn') return 'none';
  if (!publishable) return 'withdraw';
  return s.answer.decidedAt.getTime() === s.answeredAt!.getTime() ? 'none' : 'update';
}

/** A title from what was asked: its first sentence or line, at most `max` characters, cut at a word. */
export function titleOf(information: string, max = 120): string {
  const flat = information.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(flat)?.[1] ?? flat;
  if (sentence.length <= max) return sentence.replace(/[.!?]$/, '');
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

function rupiah(amount: number): string {
  return `Rp ${amount.toLocaleString('id-ID')}`;
}

/** The public texts of an answer: every free text passes through the requester's fields. */
export interface PublicTexts {
  title: string;
  summary: string;
  /** The notice's rows, as the public letter and the page show them. */
  rows: FieldRow[];
}

export function publicTexts(information: string, notice: NoticeInput, personal: PersonalFields): PublicTexts {
  const clean = (text: string): string => redactPersonalData(text, personal);
  const summary = clean(information.trim());
  const rows: FieldRow[] = [
    { label: 'Informasi yang diminta', value: summary },
    { label: 'Penguasaan informasi', value: 'Informasi berada di bawah penguasaan badan publik' },
    { label: 'Keputusan', value: DECISIONS[notice.decision] },
  ];
  const add = (label: string, value: string | null | undefined): void => {
    if (value && value.trim()) rows.push({ label, value: clean(value) });
  };
  add('Bahan informasi yang diberikan', notice.material);
  add('Bagian yang dihitamkan dan alasannya', notice.redactions);
  if (notice.format) rows.push({ label: 'Bentuk informasi', value: FORMATS[notice.format] });
  if (notice.delivery) rows.push({ label: 'Cara penyampaian', value: COPY_DELIVERIES[notice.delivery] });
  rows.push({ label: 'Biaya', value: notice.fee ? rupiah(notice.fee) : 'Tanpa biaya' });
  add('Waktu yang dibutuhkan', notice.timeNeeded);
  add('Keterangan', notice.reason);
  if (notice.decision === 'partially_granted' && notice.exemptionGround) {
    const ground = notice.exemptionGround;
    const law = ground === 'j' && notice.exemptionLaw ? ` (${notice.exemptionLaw})` : '';
    rows.push({ label: 'Dasar pengecualian', value: `Pasal 17 huruf ${ground} UU 14/2008: informasi yang apabila dibuka ${EXEMPTION_GROUNDS[ground]}${law}` });
    add('Informasi yang dikecualikan', notice.consequenceTest?.information);
  }
  return { title: titleOf(summary), summary, rows };
}
