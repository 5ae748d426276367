import { validateDto } from 'src/common/forms/validate-dto';
import { CopyDelivery } from 'src/modules/requests/request-options';
import { NoticeDto } from './dto/notice.dto';
import { Decision, ExemptionGround, InformationFormat, withholds } from './notice-rules';

export { DECISIONS, EXEMPTION_GROUNDS, FORMATS, holdingContradiction, withholds } from './notice-rules';
export type { Decision, ExemptionGround, InformationFormat } from './notice-rules';

/** The consequence test (Pasal 19) as recorded: what the law asks the body to weigh and write down. */
export interface ConsequenceTest {
  date: string;
  /** The specific information withheld. */
  information: string;
  /** The harm if it were opened. */
  consequence: string;
  /** Why the public interest does not outweigh that harm. */
  publicInterest: string;
  participants: string[];
  /** The rule applied. */
  legalBasis: string;
  exemptionUntil: string | null;
}

/** The written notice of Pasal 22(7), or a refusal under Pasal 17, as the officer fills it in. */
export interface NoticeInput {
  decision: Decision;
  informationHeld: boolean;
  holderBody: string | null;
  material: string | null;
  redactions: string | null;
  format: InformationFormat | null;
  delivery: CopyDelivery | null;
  fee: number | null;
  paymentMethod: string | null;
  timeNeeded: string | null;
  reason: string | null;
  exemptionGround: ExemptionGround | null;
  exemptionLaw: string | null;
  consequenceTest: ConsequenceTest | null;
  /** The exempted DIP item the test joins (a refusal or partial grant); absent or null: a new item. */
  exemptionItemId?: number | null;
}

/** A notice of `decision` with every optional part empty, to fill in what the decision needs. */
export function blankNotice(decision: Decision): NoticeInput {
  return {
    decision,
    informationHeld: true,
    holderBody: null,
    material: null,
    redactions: null,
    format: null,
    delivery: null,
    fee: null,
    paymentMethod: null,
    timeNeeded: null,
    reason: null,
    exemptionGround: null,
    exemptionLaw: null,
    consequenceTest: null,
  };
}

/** An optional field as stored: null when absent or left empty on the form (a blank date is no date). */
function given<T>(value: T | undefined | null | ''): T | null {
  return value === undefined || value === null || value === '' ? null : value;
}

/**
 * Validates a notice from the officer's form or the JSON API with NoticeDto (errors per field in
 * Bahasa Indonesia) and keeps only what the decision uses: a grant's material and format, the
 * ground and consequence test of a refusal or partial grant, a not-held notice's holder. `today`
 * is the local date of the decision: the test is not after it, the exemption ends after it.
 */
export function parseNoticeInput(raw: unknown, today: string): { notice: NoticeInput; errors: null } | { notice: null; errors: Record<string, string> } {
  const result = validateDto(NoticeDto, raw, { today });
  if (result.errors) return { notice: null, errors: result.errors };
  const n = result.value;
  const granting = n.decision === 'granted' || n.decision === 'partially_granted';
  const withheld = withholds(n.decision);
  const ct = n.consequenceTest;
  return {
    notice: {
      decision: n.decision,
      informationHeld: n.decision === 'not_held' ? false : n.informationHeld === true,
      holderBody: n.decision === 'not_held' ? given(n.holderBody) : null,
      material: granting ? given(n.material) : null,
      redactions: n.decision === 'partially_granted' ? given(n.redactions) : null,
      format: granting ? given(n.format) : null,
      delivery: granting ? given(n.delivery) : null,
      fee: given(n.fee),
      paymentMethod: given(n.paymentMethod),
      timeNeeded: given(n.timeNeeded),
      reason: given(n.reason),
      exemptionGround: withheld ? given(n.exemptionGround) : null,
      exemptionLaw: withheld && n.exemptionGround === 'j' ? given(n.exemptionLaw) : null,
      consequenceTest: withheld
        ? {
            date: ct.date,
            information: ct.information,
            consequence: ct.consequence,
            publicInterest: ct.publicInterest,
            participants: ct.participants,
            legalBasis: ct.legalBasis,
            exemptionUntil: given(ct.exemptionUntil),
          }
        : null,
      exemptionItemId: withheld ? given(n.exemptionItemId) : null,
    },
    errors: null,
  };
}
