import { DECISIONS } from './notice-rules';

/** How a request ended besides the written notice's decisions: forwarded to the body that holds it. */
export const OTHER_OUTCOMES = {
  forwarded: 'Diteruskan ke badan publik yang menguasai informasi',
} as const;

/** The decision in words for the officers' pages, or null when there is none yet. */
export function decisionLabel(decision: string | null): string | null {
  if (!decision) return null;
  if (Object.hasOwn(DECISIONS, decision)) return DECISIONS[decision as keyof typeof DECISIONS];
  if (Object.hasOwn(OTHER_OUTCOMES, decision)) return OTHER_OUTCOMES[decision as keyof typeof OTHER_OUTCOMES];
  return decision;
}
