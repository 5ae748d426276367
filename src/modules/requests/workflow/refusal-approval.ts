import { UnitLevel } from 'src/modules/bodies';
import { Decision } from './notice-rules';
import { RequestAction } from './request-transitions';

/**
 * Which action a written notice is: a refusal is decided by the body's PPID Utama, so one prepared
 * in a PPID Pelaksana waits for the Utama's approval; everything else goes out at once.
 */
export function noticeAction(decision: Decision, unitLevel: UnitLevel): RequestAction {
  if (decision === 'refused') return unitLevel === 'utama' ? 'refuse' : 'submit_refusal';
  return decision === 'granted' || decision === 'partially_granted' ? 'notice' : 'notice_not_held';
}

/** Only an officer of the PPID Utama of the request's own body decides a PPID Pelaksana's refusal. */
export function decidesRefusal(
  actor: { role: string; unit: { level: UnitLevel; bodyId: number } | null },
  requestBodyId: number,
): boolean {
  return actor.role === 'officer' && actor.unit !== null && actor.unit.level === 'utama' && actor.unit.bodyId === requestBodyId;
}
