import { formatInstant, formatLocalDate } from 'src/common/views/view-helpers';
import { DECISIONS } from 'src/modules/requests';
import type { FieldRow } from 'src/modules/documents';
import type { AnswerDocumentRecord, AnswerHistoryAction, AnswerRecord } from './published-answers.repository';
import type { AnswerList, OfficerAnswer, PublicAnswer } from './published-answers.service';

/** The plain region code in addresses: '35.78' → '3578'. */
function plainCode(code: string): string {
  return code.replace(/\./g, '');
}

export function answerPath(id: string): string {
  return `/jawaban/${id}`;
}

/** One answer in the JSON API: public, no personal data (the texts were cleared when published). */
export interface AnswerJson {
  id: string;
  url: string;
  body: { code: string; name: string };
  unit: { id: number; name: string };
  title: string;
  summary: string;
  decision: string;
  decisionLabel: string;
  decidedOn: string;
  publishedAt: string;
  letterNumber: string | null;
  letterUrl: string;
  dipUrl: string;
}

export interface AnswerDetailJson extends AnswerJson {
  notice: FieldRow[];
  documents: { id: string; title: string | null; withheld: boolean; url: string | null }[];
}

export function answerJson(a: AnswerRecord, appUrl: string): AnswerJson {
  const page = `${appUrl}${answerPath(a.id)}`;
  return {
    id: a.id,
    url: page,
    body: { code: a.bodyCode, name: a.bodyName },
    unit: { id: a.unitId, name: a.unitName },
    title: a.title,
    summary: a.summary,
    decision: a.decision,
    decisionLabel: DECISIONS[a.decision],
    decidedOn: a.decidedOn,
    publishedAt: a.publishedAt.toISOString(),
    letterNumber: a.letterNumber,
    letterUrl: `${page}/surat.pdf`,
    dipUrl: `${appUrl}/dip/${plainCode(a.bodyCode)}`,
  };
}

/** A withheld document is listed as withheld: no title (it may say what the reason is about), no link. */
function documentJson(answerId: string, d: AnswerDocumentRecord, appUrl: string): AnswerDetailJson['documents'][number] {
  const withheld = d.withheldAt !== null;
  return { id: d.id, title: withheld ? null : d.title, withheld, url: withheld ? null : `${appUrl}${answerPath(answerId)}/dokumen/${d.id}` };
}

export function answerDetailJson(v: PublicAnswer, appUrl: string): AnswerDetailJson {
  return { ...answerJson(v.answer, appUrl), notice: v.answer.letter.rows, documents: v.documents.map((d) => documentJson(v.answer.id, d, appUrl)) };
}

export function answerListJson(list: AnswerList, appUrl: string): Record<string, unknown> {
  return { items: list.items.map((a) => answerJson(a, appUrl)), page: list.page, pages: list.pages, total: list.total };
}

function listItemView(a: AnswerRecord): Record<string, unknown> {
  return {
    href: answerPath(a.id),
    title: a.title,
    summary: a.summary.length > 240 ? `${a.summary.slice(0, 239).replace(/\s+\S*$/, '')}…` : a.summary,
    bodyName: a.bodyName,
    unitName: a.unitName,
    decisionLabel: DECISIONS[a.decision],
    decidedOnText: formatLocalDate(a.decidedOn, false),
  };
}

/** /jawaban: the filter (bodies, years), the answers, and the pages. */
export function publicListView(
  list: AnswerList | null,
  bodies: { code: string; name: string }[],
  years: number[],
  query: Record<string, string | undefined>,
  errors: Record<string, string> = {},
): Record<string, unknown> {
  const body = list?.bodyCode ?? null;
  const year = list?.year ?? null;
  const link = (page: number): string => {
    const q = new URLSearchParams();
    if (body) q.set('badan', plainCode(body));
    if (year) q.set('tahun', String(year));
    if (page > 1) q.set('halaman', String(page));
    const s = q.toString();
    return s ? `/jawaban?${s}` : '/jawaban';
  };
  return {
    title: 'Jawaban permohonan yang dipublikasikan',
    errors,
    bodies: bodies.map((b) => ({ value: plainCode(b.code), label: b.name, selected: b.code === body || plainCode(b.code) === query.badan })),
    years: years.map((y) => ({ value: String(y), label: String(y), selected: y === year })),
    items: (list?.items ?? []).map(listItemView),
    total: list?.total ?? 0,
    page: list?.page ?? 1,
    pages: list?.pages ?? 1,
    paged: (list?.pages ?? 1) > 1,
    previousHref: list && list.page > 1 ? link(list.page - 1) : null,
    nextHref: list && list.page < list.pages ? link(list.page + 1) : null,
    apiHref: `/api/v1/published-answers${body || year ? `?${[body ? `body=${plainCode(body)}` : '', year ? `year=${year}` : ''].filter(Boolean).join('&')}` : ''}`,
  };
}

/** /jawaban/<id>: the answer, its notice, letter, documents (withheld ones said so) and the body's DIP. */
export function publicAnswerView(v: PublicAnswer): Record<string, unknown> {
  const a = v.answer;
  const withheld = v.documents.filter((d) => d.withheldAt !== null).length;
  return {
    title: a.title,
    answer: { ...listItemView(a), summary: a.summary, letterNumber: a.letterNumber },
    notice: a.letter.rows,
    letterHref: `${answerPath(a.id)}/surat.pdf`,
    documents: v.documents.filter((d) => d.withheldAt === null).map((d) => ({ href: `${answerPath(a.id)}/dokumen/${d.id}`, title: d.title })),
    withheldText: withheld === 0 ? null : `${withheld} dokumen tidak dipublikasikan oleh PPID.`,
    dipHref: `/dip/${plainCode(a.bodyCode)}`,
    apiHref: `/api/v1/published-answers/${a.id}`,
  };
}

const HISTORY_LABELS: Record<AnswerHistoryAction, string> = {
  published: 'Dipublikasikan',
  updated: 'Diperbarui',
  document_withheld: 'Dokumen tidak dipublikasikan',
  withdrawn: 'Ditarik dari publikasi',
};

export function officerListView(answers: AnswerRecord[]): Record<string, unknown> {
  return {
    title: 'Jawaban yang dipublikasikan',
    items: answers.map((a) => ({ ...listItemView(a), href: `/petugas/jawaban/${a.id}`, withdrawn: a.status === 'withdrawn' })),
  };
}

/** An officer's answer page; a failed form adds its own values, messages and summary (submitForm). */
export function officerAnswerView(v: OfficerAnswer, timeZone: string, state: { done?: string } = {}): Record<string, unknown> {
  const a = v.answer;
  return {
    title: `Jawaban: ${a.title}`,
    answer: { ...listItemView(a), id: a.id, summary: a.summary, publicHref: answerPath(a.id), withdrawn: a.status === 'withdrawn', withdrawalReason: a.withdrawalReason },
    notice: a.letter.rows,
    documents: v.documents.map((d) => ({
      id: d.id,
      title: d.title,
      withheld: d.withheldAt !== null,
      withholdingReason: d.withholdingReason,
      action: `/petugas/jawaban/${a.id}/dokumen/${d.id}/tahan`,
      errorKey: `tahan-${d.id}-reason`,
    })),
    history: v.history.map((h) => ({
      atText: formatInstant(h.at, timeZone),
      label: HISTORY_LABELS[h.action],
      actorName: h.actorName ?? 'Sistem',
      reason: typeof h.data.reason === 'string' ? h.data.reason : null,
      documentTitle: typeof h.data.title === 'string' ? h.data.title : null,
    })),
    done: state.done ?? null,
  };
}
