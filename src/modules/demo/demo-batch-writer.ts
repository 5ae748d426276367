import { FieldCipher } from 'src/common/crypto/field-cipher';
import { TrackingCodes } from 'src/modules/requests/tracking/tracking-code';
import { CounterRow, EventRow, RequestRow } from './demo.repository';
import { SimRequest } from './simulation/simulate';

export interface PreparedBatch {
  /** JSON array of RequestRow. */
  requests: string;
  /** JSON array of EventRow. */
  events: string;
  counters: CounterRow[];
  requestCount: number;
  eventCount: number;
}

/** Past this many distinct values the ciphertext cache starts over (memory stays bounded). */
const CIPHER_CACHE_LIMIT = 50_000;

/** The submission key of a demo request: unique, and its tracking code works like any other. */
export function demoSubmissionKey(registrationNumber: string): string {
  return `demo-${registrationNumber}`;
}

/**
 * Turns simulated requests into the rows of one INSERT. Personal fields are encrypted with the
 * portal's FieldCipher; requesters recur (each body has a pool of people), so each distinct value
 * is encrypted once and its ciphertext reused.
 */
export class DemoBatchWriter {
  private readonly ciphertexts = new Map<string, string>();

  constructor(
    private readonly cipher: FieldCipher,
    private readonly codes: TrackingCodes,
  ) {}

  prepare(batch: readonly SimRequest[]): PreparedBatch {
    const requests: RequestRow[] = [];
    const events: EventRow[] = [];
    const counters = new Map<string, CounterRow>();
    for (const q of batch) {
      const key = demoSubmissionKey(q.registrationNumber);
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
        requester_nik: q.requesterNik ? this.encryptedHex(q.requesterNik) : null,
        requester_nik_last4: q.requesterNik ? q.requesterNik.slice(-4) : null,
        requester_registration_no: q.requesterRegistrationNo,
        requester_address: this.encryptedHex(q.requesterAddress),
        requester_occupation: q.requesterOccupation,
        requester_phone: this.encryptedHex(q.requesterPhone),
        requester_email: q.requesterEmail,
        information: q.information,
        purpose: q.purpose,
        obtain_method: q.obtainMethod,
        copy_delivery: q.copyDelivery,
        received_at: q.receivedAt.toISOString(),
        effective_receipt_date: q.effectiveReceiptDate,
        due_date: q.dueDate,
        due_provisional: q.dueProvisional,
        extended_days: q.extendedDays,
        tracking_code_hash: this.codes.hash(this.codes.forSubmission(key)),
        submission_key: key,
        version: q.version,
        created_at: q.createdAt.toISOString(),
        updated_at: q.updatedAt.toISOString(),
        answered_at: q.answeredAt?.toISOString() ?? null,
        closed_at: q.closedAt?.toISOString() ?? null,
      });
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
      requestCount: requests.length,
      eventCount: events.length,
    };
  }

  private encryptedHex(value: string): string {
    let sealed = this.ciphertexts.get(value);
    if (sealed === undefined) {
      if (this.ciphertexts.size >= CIPHER_CACHE_LIMIT) this.ciphertexts.clear();
      sealed = this.cipher.encrypt(value).toString('hex');
      this.ciphertexts.set(value, sealed);
    }
    return sealed;
  }
}
