/** What the simulation reads (bodies and their units) and what it yields (requests with their events). */
import { ServiceHours, WorkingDayCalendar } from 'src/modules/calendar';
import type { DisputeOutcome, DisputeStage, ObjectionGround, ObjectionStatus } from 'src/modules/objections';
import { Channel, CopyDelivery, Decision, ObtainMethod, RequestStatus, RequesterType } from 'src/modules/requests';
import { District } from './people';
import { BodyProfile } from './profiles';
import { PelaksanaKind } from './topics';

export interface SimStaff {
  /** The demo account, when the person has one; events then carry it as actor. */
  userId: number | null;
  name: string;
}

export interface SimUnit {
  id: number;
  code: string;
  name: string;
  /** null for the PPID Utama. */
  kind: PelaksanaKind | null;
  staff: readonly SimStaff[];
}

export interface SimBody {
  id: number;
  regionCode: string;
  /** 'Kota Surabaya', 'Provinsi Jawa Timur'. */
  region: string;
  /** 'Surabaya'. */
  place: string;
  province: string;
  hours: ServiceHours;
  calendar: WorkingDayCalendar;
  utama: SimUnit;
  pelaksana: readonly SimUnit[];
  districts: readonly District[];
  profile: BodyProfile;
  requests: number;
}

export interface SimulationInput {
  seed: number;
  /** The clock: the simulated year is the 365 days up to it; nothing happens after it. */
  now: Date;
  bodies: readonly SimBody[];
  /** Last registration number per `${unitId}:${year}` already used, to continue numbering. */
  startSeqs?: ReadonlyMap<string, number>;
  /** Last keberatan and tanggapan numbers per `${bodyId}:${year}:${kind}` already used. */
  startObjectionSeqs?: ReadonlyMap<string, number>;
}

export interface SimEvent {
  type: string;
  actorKind: 'requester' | 'officer';
  actorId: number | null;
  actorName: string;
  occurredAt: Date;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  oldDueDate: string | null;
  newDueDate: string | null;
  data: Record<string, unknown>;
}

export interface SimRequest {
  registrationNumber: string;
  receivingUnitId: number;
  registrationYear: number;
  registrationSeq: number;
  unitId: number;
  bodyId: number;
  channel: Channel;
  status: RequestStatus;
  decision: Decision | null;
  requesterType: RequesterType;
  requesterName: string;
  requesterNik: string | null;
  requesterRegistrationNo: string | null;
  requesterAddress: string;
  requesterOccupation: string;
  requesterPhone: string;
  requesterEmail: string | null;
  information: string;
  purpose: string;
  obtainMethod: ObtainMethod;
  copyDelivery: CopyDelivery | null;
  /** The requester agreed that the answer be published without their personal data. */
  publicationConsent: boolean;
  receivedAt: Date;
  effectiveReceiptDate: string;
  dueDate: string;
  dueProvisional: boolean;
  extendedDays: number | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  /** Local date the information was handed over through the portal. */
  deliveredOn: string | null;
  /** When an overturned keberatan reopened it. */
  reopenedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  events: SimEvent[];
  /** The keberatan filed on it by the clock, with its answer and sengketa. */
  objection: SimObjection | null;
}

export interface SimDisputeStage {
  stage: DisputeStage;
  on: string;
  by: 'requester' | 'officer';
  outcome?: DisputeOutcome;
}

export interface SimDispute {
  filedOn: string;
  caseNumber: string;
  stage: DisputeStage;
  outcome: DisputeOutcome | null;
  outcomeOn: string | null;
  stages: SimDisputeStage[];
}

/** A keberatan as it stands at the clock. */
export interface SimObjection {
  number: string;
  year: number;
  seq: number;
  grounds: ObjectionGround[];
  groundsArose: Record<string, string>;
  reasons: string;
  receivedAt: Date;
  effectiveReceiptDate: string;
  dueDate: string;
  dueProvisional: boolean;
  status: ObjectionStatus;
  decisionReasons: string | null;
  instruction: string | null;
  decidedAt: Date | null;
  responseDate: string | null;
  deciderName: string | null;
  deciderPosition: string | null;
  responseNumber: string | null;
  /** The year and number of the tanggapan letter, for its counter. */
  response: { year: number; seq: number } | null;
  dispute: SimDispute | null;
}
