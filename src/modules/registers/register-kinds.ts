/**
 * The registers a body keeps (RULES.md "Registers and reports"). Register permohonan reads the
 * requests; register keberatan will read objections once that module has a table: it plugs in
 * here with a data source answering `ObjectionRegisterSource`, its own columns (below) and the
 * same page, downloads and access rules as the register permohonan.
 */
export const REGISTER_KINDS = {
  permohonan: { label: 'Register permohonan', available: true },
  keberatan: { label: 'Register keberatan', available: false },
} as const;

export type RegisterKind = keyof typeof REGISTER_KINDS;

/** One line of the register keberatan, as its data source will give it (columns of RULES.md). */
export interface ObjectionRegisterLine {
  objectionNumber: string;
  receivedDate: string;
  /** Requester or their proxy (kuasa); masked like the register permohonan for those who may not see it. */
  objectorName: string;
  requestRegistrationNumber: string;
  information: string;
  purpose: string;
  /** Pasal 35(1) grounds a–g. */
  grounds: string[];
  atasanDecision: string | null;
  responseDate: string | null;
  atasanName: string | null;
  atasanPosition: string | null;
  requesterResponse: string | null;
  /** Which unit and body, for the same scoping as the register permohonan. */
  bodyId: number;
  unitId: number;
}

/** What the objections module provides to fill the register keberatan. */
export interface ObjectionRegisterSource {
  lines(selection: { bodyId: number; unitIds: number[] | null; since: Date; until: Date }): Promise<ObjectionRegisterLine[]>;
}
