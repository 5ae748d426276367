import { maskNik } from 'src/modules/requests/intake/requester-identity';
import { formatInstant, formatLocalDate } from 'src/common/views/view-helpers';
import { eventLabel, ReceiptView } from 'src/modules/requests/receipt.presenter';
import { DEADLINE_STATE_LABELS, DeadlineState } from './deadline-state';
import { decisionSummary } from 'src/modules/requests/tracking/decision-summary';
import { DELIVERY_CHANNELS } from './delivery-rules';
import { DocumentRow, documentRows } from './document-rows';
import { LinkedRequest, OfficerAction, RequestCaseFile } from './request-case-files';
import { decisionLabel } from './request-outcomes';
import { NoticeInput } from './notice-input';

export interface OfficerTimelineRow {
  atText: string;
  label: string;
  actor: string;
  internal: boolean;
  note: string | null;
  reason: string | null;
  dueChange: string | null;
}

/** What views/officer/request.hbs shows (the action forms add `failed`/`nv`/`done` after a post). */
export interface OfficerRequestPageView {
  title: string;
  /** What the action forms post back: the id and the version they were shown. */
  request: { id: string; version: number; extendedDays: number | null; assigneeId: number | null };
  receipt: ReceiptView;
  unit: { id: number; name: string; level: string };
  state: { key: DeadlineState; label: string; daysOverdue: number } | null;
  decisionLabel: string | null;
  /** Set while a request reopened on an objection or a dispute waits for its new answer. */
  reopened: { instruction: string; sourceText: string; atText: string; dueDateText: string } | null;
  requester: {
    nik: string;
    nikMasked: boolean;
    registrationNo: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
    occupation: string | null;
    hasIdentityDocument: boolean;
  };
  timeline: OfficerTimelineRow[];
  documents: DocumentRow[];
  forwardTargets: { id: number; name: string }[];
  officers: { id: number; name: string }[];
  can: Record<OfficerAction, boolean>;
  /** Letters a ralat may correct. */
  letters: { id: string; label: string }[];
  transferTargets: { code: string; name: string }[];
  refusalNeedsApproval: boolean;
  deliveryChannels: { value: string; label: string }[];
  delivery: { dateText: string; channelLabel: string; note: string | null; hasProof: boolean } | null;
  withdrawal: { atText: string; reason: string | null } | null;
  pendingRefusal: { facts: { label: string; value: string }[]; preparedBy: string | null; atText: string } | null;
  forwardedTo: LinkedRequest | null;
  forwardedFrom: LinkedRequest | null;
}

export function presentOfficerRequest(file: RequestCaseFile, receipt: ReceiptView): OfficerRequestPageView {
  const r = file.request;
  return {
    title: `Permohonan ${r.registrationNumber}`,
    request: { id: r.id, version: r.version, extendedDays: r.extendedDays, assigneeId: r.assigneeId },
    receipt,
    unit: { id: file.unit.id, name: file.unit.name, level: file.unit.level },
    state: file.deadline && {
      key: file.deadline.state,
      label: DEADLINE_STATE_LABELS[file.deadline.state],
      daysOverdue: file.deadline.workingDaysOverdue,
    },
    decisionLabel: decisionLabel(r.decision),
    reopened: reopenedOf(file),
    requester: {
      nik: file.requester.nik ?? maskNik(file.requester.nikLast4),
      nikMasked: file.requester.nik === null,
      registrationNo: file.requester.registrationNo,
      address: file.requester.address,
      phone: file.requester.phone,
      email: file.requester.email,
      occupation: file.requester.occupation,
      hasIdentityDocument: file.requester.identityDocumentShown,
    },
    timeline: file.events.map((e) => ({
      atText: formatInstant(e.occurredAt, file.unit.timeZone),
      label: eventLabel(e),
      actor: e.actorName ?? (e.actorKind === 'system' ? 'Sistem' : '—'),
      internal: !e.public,
      note: typeof e.data.note === 'string' ? e.data.note : null,
      reason: typeof e.data.reason === 'string' ? e.data.reason : null,
      dueChange: e.oldDueDate && e.newDueDate && e.oldDueDate !== e.newDueDate ? `${formatLocalDate(e.oldDueDate)} → ${formatLocalDate(e.newDueDate)}` : null,
    })),
    documents: documentRows(file.documents),
    forwardTargets: file.forwardTargets,
    officers: file.officers,
    can: file.allowed,
    letters: file.documents.filter((d) => d.kind === 'letter' && d.letterNumber).map((d) => ({ id: d.id, label: `${d.letterNumber} — ${d.title}` })),
    transferTargets: file.transferTargets,
    refusalNeedsApproval: file.refusalNeedsApproval,
    deliveryChannels: Object.entries(DELIVERY_CHANNELS).map(([value, label]) => ({ value, label })),
    delivery:
      r.deliveredOn && r.deliveryChannel
        ? { dateText: formatLocalDate(r.deliveredOn), channelLabel: DELIVERY_CHANNELS[r.deliveryChannel], note: r.deliveryNote, hasProof: r.deliveryProofFileId !== null }
        : null,
    withdrawal: r.withdrawnAt ? { atText: formatInstant(r.withdrawnAt, file.unit.timeZone), reason: r.withdrawalReason } : null,
    pendingRefusal: file.pendingRefusal && {
      facts: [...decisionSummary(file.pendingRefusal.notice, r.status).facts, ...consequenceTestFacts(file.pendingRefusal.notice)],
      preparedBy: file.pendingRefusal.preparedBy,
      atText: formatInstant(file.pendingRefusal.submittedAt, file.unit.timeZone),
    },
    forwardedTo: file.forwardedTo,
    forwardedFrom: file.forwardedFrom,
  };
}

/** The consequence test of a refusal, for the PPID Utama who decides it. */
function consequenceTestFacts(n: NoticeInput): { label: string; value: string }[] {
  const test = n.consequenceTest;
  if (!test) return [];
  return [
    { label: 'Tanggal uji konsekuensi', value: formatLocalDate(test.date, false) },
    { label: 'Peserta uji konsekuensi', value: test.participants.join(', ') },
    { label: 'Konsekuensi bila dibuka', value: test.consequence },
    { label: 'Jangka waktu pengecualian', value: test.exemptionUntil ? `Sampai ${formatLocalDate(test.exemptionUntil, false)}` : 'Sesuai ketentuan undang-undang' },
  ];
}

/** The last reopening's instruction, while the request is open again (its new answer not yet given). */
function reopenedOf(file: RequestCaseFile): OfficerRequestPageView['reopened'] {
  const r = file.request;
  if (r.status !== 'received' && r.status !== 'in_process') return null;
  const e = [...file.events].reverse().find((x) => x.type === 'reopened');
  if (!e || typeof e.data.instruction !== 'string') return null;
  const number = typeof e.data.sourceNumber === 'string' ? e.data.sourceNumber : '';
  return {
    instruction: e.data.instruction,
    sourceText: e.data.source === 'dispute' ? `Putusan Komisi Informasi atas sengketa ${number}` : `Keputusan Atasan PPID atas keberatan ${number}`,
    atText: formatInstant(e.occurredAt, file.unit.timeZone),
    dueDateText: formatLocalDate(r.dueDate),
  };
}
