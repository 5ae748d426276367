import { Decision } from './notice-rules';

/** Pasal 35 ayat (1) UU 14/2008: the grounds of an objection, a–g, in the statute's words. */
export const OBJECTION_GROUND_TEXTS = {
  a: 'penolakan atas permintaan informasi berdasarkan alasan pengecualian sebagaimana dimaksud dalam Pasal 17',
  b: 'tidak disediakannya informasi berkala sebagaimana dimaksud dalam Pasal 9',
  c: 'tidak ditanggapinya permintaan informasi',
  d: 'permintaan informasi ditanggapi tidak sebagaimana yang diminta',
  e: 'tidak dipenuhinya permintaan informasi',
  f: 'pengenaan biaya yang tidak wajar',
  g: 'penyampaian informasi yang melebihi waktu yang diatur dalam Undang-Undang ini',
} as const;
export type ObjectionGround = keyof typeof OBJECTION_GROUND_TEXTS;

/** Pasal 36 ayat (1): an objection is filed within 30 working days after its ground arises. */
export const OBJECTION_WINDOW_WORKING_DAYS = 30;

/** The letters a request can receive: the extension and one per decision of the written notice. */
export type LetterKind = 'extension' | Decision;

/** What, besides its kind, decides which grounds a letter names. */
export interface LetterFacts {
  /** The fee the notice charges; a fee above 0 can be contested as unreasonable (f). */
  fee: number | null;
  /** The notice is sent after the due date: the answer came later than the law allows (g). */
  late: boolean;
}

/**
 * The Pasal 35(1) grounds a letter tells the requester they may object on, in letter order:
 * - extension: c (no notice by the new due date) and g (the information comes later than allowed);
 * - granted: d (not as requested), e (not fulfilled after all), f when there is a fee;
 * - partially granted: a for the part withheld under Pasal 17, then as granted;
 * - refused: a;
 * - not held: d and e (the body does hold it, or the holder named is wrong);
 * - not documented: b (information the body must publish periodically, Pasal 9) and e;
 * and g for any notice sent after the due date.
 */
export function objectionGroundsFor(kind: LetterKind, facts: LetterFacts): ObjectionGround[] {
  const grounds = new Set<ObjectionGround>();
  switch (kind) {
    case 'extension':
      grounds.add('c').add('g');
      break;
    case 'partially_granted':
    case 'granted':
      // The part withheld under Pasal 17 is a refusal; the part given is contested like a full grant.
      if (kind === 'partially_granted') grounds.add('a');
      grounds.add('d').add('e');
      if (facts.fee !== null && facts.fee > 0) grounds.add('f');
      break;
    case 'refused':
      grounds.add('a');
      break;
    case 'not_held':
      grounds.add('d').add('e');
      break;
    case 'not_documented':
      grounds.add('b').add('e');
      break;
  }
  if (facts.late && kind !== 'extension') grounds.add('g');
  return [...grounds].sort();
}
