import { presentReceipt, presentTimeline, ReceiptView, TimelineEntry } from 'src/modules/requests/receipt.presenter';
import { decisionSummary, DecisionSummary, openNextSteps } from './decision-summary';
import { TrackingRecord } from './tracking.service';
import { awaitsNotice } from 'src/modules/requests/workflow/deadline-state';
import { DocumentRow, documentRows } from 'src/modules/requests/workflow/document-rows';
import { canTransition } from 'src/modules/requests/workflow/request-transitions';
import { formatInstant } from 'src/common/views/view-helpers';
import { STATUS_LABELS } from 'src/modules/requests/request-status';

/** The requester's tracking page and GET /api/v1/requests/<number>: the same words in both. */
export interface TrackingView {
  receipt: ReceiptView;
  timeline: TimelineEntry[];
  documents: DocumentRow[];
  /** The written notice in words, once there is one. */
  decision: DecisionSummary | null;
  /** What happens next while the request waits for its notice; empty once it has one or is closed. */
  nextSteps: string[];
  /** The requester may still withdraw it (not yet finished). */
  canWithdraw: boolean;
  withdrawal: { atText: string; reason: string | null } | null;
  /** Forwarded to the body that holds the information: the request there (same tracking code). */
  forwardedTo: { registrationNumber: string; bodyName: string; trackingUrl: string } | null;
  forwardedFrom: { registrationNumber: string; bodyName: string; trackingUrl: string } | null;
}

export function presentTracking(record: TrackingRecord, appUrl: string): TrackingView {
  const request = record.receipt.request;
  const receipt = requesterFacing(presentReceipt(record.receipt, appUrl));
  const decision = record.notice ? decisionSummary(record.notice, request.status) : null;
  if (decision && request.status === 'withdrawn') decision.nextSteps = ['Permohonan ini telah Anda cabut; tidak ada langkah berikutnya.'];
  const open = awaitsNotice(request.status);
  return {
    receipt,
    timeline: presentTimeline(record.events, record.receipt.unit.timeZone),
    documents: documentRows(record.documents),
    decision,
    nextSteps: !decision && open ? openNextSteps(receipt.dueDateText) : [],
    canWithdraw: canTransition('withdraw', request.status),
    withdrawal: request.withdrawnAt ? { atText: formatInstant(request.withdrawnAt, record.receipt.unit.timeZone), reason: request.withdrawalReason } : null,
    forwardedTo: record.forwardedTo && { ...record.forwardedTo, trackingUrl: trackingUrlOf(record.forwardedTo.registrationNumber, appUrl) },
    forwardedFrom: record.forwardedFrom && { ...record.forwardedFrom, trackingUrl: trackingUrlOf(record.forwardedFrom.registrationNumber, appUrl) },
  };
}

/** A refusal waiting for the PPID Utama is not yet decided: the requester sees the request in process. */
function requesterFacing(receipt: ReceiptView): ReceiptView {
  return receipt.status === 'awaiting_approval' ? { ...receipt, status: 'in_process', statusLabel: STATUS_LABELS.in_process } : receipt;
}

function trackingUrlOf(registrationNumber: string, appUrl: string): string {
  return `${appUrl}/lacak?nomor=${encodeURIComponent(registrationNumber)}`;
}
