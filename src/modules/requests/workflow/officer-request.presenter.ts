import { maskNik } from 'src/modules/requests/intake/requester-identity';
import { formatInstant, formatLocalDate } from 'src/common/views/view-helpers';
import { eventLabel, ReceiptView } from 'src/modules/requests/receipt.presenter';
import { DEADLINE_STATE_LABELS, DeadlineState } from './deadline-state';
import { DECISIONS } from './notice-input';
import { OfficerAction, RequestCaseFile } from './request-case-files';

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
  documents: { id: string; title: string; letterNumber: string | null; kind: string }[];
  forwardTargets: { id: number; name: string }[];
  officers: { id: number; name: string }[];
  can: Record<OfficerAction, boolean>;
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
    decisionLabel: r.decision ? DECISIONS[r.decision as keyof typeof DECISIONS] : null,
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
    documents: file.documents.map((d) => ({ id: d.id, title: d.title, letterNumber: d.letterNumber, kind: d.kind })),
    forwardTargets: file.forwardTargets,
    officers: file.officers,
    can: file.allowed,
  };
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
