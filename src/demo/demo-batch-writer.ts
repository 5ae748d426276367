import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import { TrackingCodes, generateTrackingCode } from 'src/modules/requests';
import { CounterRow, DisputeRow, EventRow, ObjectionCounterRow, ObjectionRow, RequestRow } from './demo.repository';
import { SimRequest } from './simulation/simulate';

export interface PreparedBatch {
  /** JSON array of RequestRow. */
  requests: string;
  /** JSON array of EventRow. */
  events: string;
  counters: CounterRow[];
  /** JSON arrays of ObjectionRow and DisputeRow. */
  objections: string;
  disputes: string;
  objectionCounters: ObjectionCounterRow[];
  requestCount: number;
  eventCount: number;
  /** Each request's tracking code in the clear, by registration number (for the printed sample). */
  trackingCodes: Map<string, string>;
}

/**
 * Turns simulated requests into the rows of one INSERT. Personal fields and the random tracking
 * code are encrypted with the portal's FieldCipher, each bound to its row like the portal's own
 * (no ciphertext is shared between rows).
 */
export class DemoBatchWriter {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly codes: TrackingCodes,
  ) {}

  prepare(batch: readonly SimRequest[]): PreparedBatch {
    const requests: RequestRow[] = [];
    const events: EventRow[] = [];
    const counters = new Map<string, CounterRow>();
    const objections: ObjectionRow[] = [];
    const disputes: DisputeRow[] = [];
    const objectionCounters = new Map<string, ObjectionCounterRow>();
    const raise = (bodyId: number, year: number, kind: 'objection' | 'response', seq: number): void => {
      const key = `${bodyId}:${year}:${kind}`;
      const c = objectionCounters.get(key);
      if (!c) objectionCounters.set(key, { bodyId, year, kind, lastNumber: seq });
      else c.lastNumber = Math.max(c.lastNumber, seq);
    };
    const trackingCodes = new Map<string, string>();
    for (const q of batch) {
      const sealed = (column: string, value: string): string => this.cipher.encrypt(value, sealContext('requests', column, q.registrationNumber)).toString('hex');
      const trackingCode = generateTrackingCode();
      trackingCodes.set(q.registrationNumber, trackingCode);
      requests.push({
        registration_number: q.registrationNumber,
        receiving_unit_id: q.receivingUnitId,
        registration_year: q.registrationYear,
        registration_seq: q.registrationSeq,
        unit_id: q.unitId,
        body_id: q.bodyId,
        channel: q.channel,
        status: q.status,
        decision: q.decision,
        requester_type: q.requesterType,
        requester_name: q.requesterName,
        requester_nik: q.requesterNik ? sealed('requester_nik', q.requesterNik) : null,
        requester_nik_last4: q.requesterNik ? q.requesterNik.slice(-4) : null,
        requester_registration_no: q.requesterRegistrationNo,
        requester_address: sealed('requester_address', q.requesterAddress),
        requester_occupation: q.requesterOccupation,
        requester_phone: sealed('requester_phone', q.requesterPhone),
        requester_email: q.requesterEmail,
        information: q.information,
        purpose: q.purpose,
        obtain_method: q.obtainMethod,
        copy_delivery: q.copyDelivery,
        publication_consent: q.publicationConsent,
        received_at: q.receivedAt.toISOString(),
        effective_receipt_date: q.effectiveReceiptDate,
        due_date: q.dueDate,
        due_provisional: q.dueProvisional,
        extended_days: q.extendedDays,
        tracking_code: this.codes.seal(trackingCode, q.registrationNumber).toString('hex'),
        version: q.version,
        created_at: q.createdAt.toISOString(),
        updated_at: q.updatedAt.toISOString(),
        answered_at: q.answeredAt?.toISOString() ?? null,
        closed_at: q.closedAt?.toISOString() ?? null,
        delivered_on: q.deliveredOn,
        delivery_channel: q.deliveredOn ? 'portal' : null,
        reopened_at: q.reopenedAt?.toISOString() ?? null,
      });
      const o = q.objection;
      if (o) {
        objections.push({
          registration_number: q.registrationNumber,
          number: o.number,
          body_id: q.bodyId,
          year: o.year,
          seq: o.seq,
          grounds: o.grounds,
          grounds_arose: o.groundsArose,
          reasons: o.reasons,
          received_at: o.receivedAt.toISOString(),
          effective_receipt_date: o.effectiveReceiptDate,
          due_date: o.dueDate,
          due_provisional: o.dueProvisional,
          status: o.status,
          decision_reasons: o.decisionReasons,
          instruction: o.instruction,
          decided_at: o.decidedAt?.toISOString() ?? null,
          response_date: o.responseDate,
          decider_name: o.deciderName,
          decider_position: o.deciderPosition,
          response_number: o.responseNumber,
          created_at: o.receivedAt.toISOString(),
        });
        raise(q.bodyId, o.year, 'objection', o.seq);
        if (o.response) raise(q.bodyId, o.response.year, 'response', o.response.seq);
        if (o.dispute) {
          const d = o.dispute;
          disputes.push({
            objection_number: o.number,
            filed_on: d.filedOn,
            case_number: d.caseNumber,
            stage: d.stage,
            outcome: d.outcome,
            outcome_on: d.outcomeOn,
            stages: d.stages,
            recorded_by: 'requester',
            created_at: `${d.filedOn}T00:00:00Z`,
          });
        }
      }
      for (const ev of q.events) {
        events.push({
          registration_number: q.registrationNumber,
          ord: events.length,
          type: ev.type,
          actor_kind: ev.actorKind,
          actor_id: ev.actorId,
          actor_name: ev.actorName,
          occurred_at: ev.occurredAt.toISOString(),
          from_status: ev.fromStatus,
          to_status: ev.toStatus,
          old_due_date: ev.oldDueDate,
          new_due_date: ev.newDueDate,
          data: ev.data,
        });
      }
      const counterKey = `${q.receivingUnitId}:${q.registrationYear}`;
      const counter = counters.get(counterKey);
      if (!counter) counters.set(counterKey, { unitId: q.receivingUnitId, year: q.registrationYear, lastNumber: q.registrationSeq });
      else counter.lastNumber = Math.max(counter.lastNumber, q.registrationSeq);
    }
    return {
      requests: JSON.stringify(requests),
      events: JSON.stringify(events),
      counters: [...counters.values()],
      objections: JSON.stringify(objections),
      disputes: JSON.stringify(disputes),
      objectionCounters: [...objectionCounters.values()],
      requestCount: requests.length,
      eventCount: events.length,
      trackingCodes,
    };
  }
}
