import { UnitLevel } from 'src/modules/bodies';
import { Decision } from './notice-rules';
import { noticeAction, RequestAction } from './request-transitions';

/**
 * Which action a written notice is where it is decided: a refusal is decided by the body's PPID
 * Utama, so one prepared in a PPID Pelaksana waits for the Utama's approval; everything else goes
 * out at once.
 */
export function noticeActionAt(decision: Decision, unitLevel: UnitLevel): RequestAction {
  const action = noticeAction(decision);
  return action === 'refuse' && unitLevel !== 'utama' ? 'submit_refusal' : action;
}

/** Only an officer of the PPID Utama of the request's own body decides a PPID Pelaksana's refusal. */
export function decidesRefusal(
  actor: { role: string; unit: { level: UnitLevel; bodyId: number } | null },
  requestBodyId: number,
): boolean {
  return actor.role === 'officer' && actor.unit !== null && actor.unit.level === 'utama' && actor.unit.bodyId === requestBodyId;
}
