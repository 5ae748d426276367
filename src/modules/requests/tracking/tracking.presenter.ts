import { presentReceipt, presentTimeline, ReceiptView, TimelineEntry } from 'src/modules/requests/receipt.presenter';
import { decisionSummary, DecisionSummary, openNextSteps } from './decision-summary';
import { TrackingRecord } from './tracking.service';
import { awaitsNotice } from 'src/modules/requests/workflow/deadline-state';

/** The requester's tracking page and GET /api/v1/requests/<number>: the same words in both. */
export interface TrackingView {
  receipt: ReceiptView;
  timeline: TimelineEntry[];
  documents: { id: string; title: string; letterNumber: string | null; kind: string }[];
  /** The written notice in words, once there is one. */
  decision: DecisionSummary | null;
  /** What happens next while the request waits for its notice; empty once it has one or is closed. */
  nextSteps: string[];
}

export function presentTracking(record: TrackingRecord, appUrl: string): TrackingView {
  const request = record.receipt.request;
  const receipt = presentReceipt(record.receipt, appUrl);
  const decision = record.notice ? decisionSummary(record.notice, request.status) : null;
  const open = awaitsNotice(request.status);
  return {
    receipt,
    timeline: presentTimeline(record.events, record.receipt.unit.timeZone),
    documents: record.documents.map((d) => ({ id: d.id, title: d.title, letterNumber: d.letterNumber, kind: d.kind })),
    decision,
    nextSteps: !decision && open ? openNextSteps(receipt.dueDateText) : [],
  };
}
