import { RequestStatus } from 'src/modules/requests/request-status';
import { ALL_STATUSES, canTransition, nextStatus, noticeAction, RequestAction } from './request-transitions';

/** Written out by hand from the lifecycle: [action, from, expected status or null when refused]. */
const EXPECTED: [RequestAction, RequestStatus, RequestStatus | null][] = [
  ['assign', 'received', 'received'],
  ['assign', 'in_process', 'in_process'],
  ['assign', 'answered', 'answered'],
  ['assign', 'closed', null],
  ['note', 'received', 'received'],
  ['note', 'in_process', 'in_process'],
  ['note', 'answered', 'answered'],
  ['note', 'closed', 'closed'],
  ['forward', 'received', 'in_process'],
  ['forward', 'in_process', 'in_process'],
  ['forward', 'answered', null],
  ['forward', 'closed', null],
  ['extend', 'received', 'in_process'],
  ['extend', 'in_process', 'in_process'],
  ['extend', 'answered', null],
  ['extend', 'closed', null],
  ['notice', 'received', 'answered'],
  ['notice', 'in_process', 'answered'],
  ['notice', 'answered', null],
  ['notice', 'closed', null],
  ['refuse', 'received', 'closed'],
  ['refuse', 'in_process', 'closed'],
  ['refuse', 'answered', null],
  ['refuse', 'closed', null],
  ['notice_not_documented', 'received', 'closed'],
  ['notice_not_documented', 'in_process', 'closed'],
  ['notice_not_documented', 'answered', null],
  ['notice_not_documented', 'closed', null],
  ['notice_not_held', 'received', 'closed'],
  ['notice_not_held', 'in_process', 'closed'],
  ['notice_not_held', 'answered', null],
  ['notice_not_held', 'closed', null],
  ['handover', 'received', null],
  ['handover', 'in_process', null],
  ['handover', 'answered', 'answered'],
  ['handover', 'closed', null],
  ['close', 'received', null],
  ['close', 'in_process', null],
  ['close', 'answered', 'closed'],
  ['close', 'closed', null],
];

describe('request transitions', () => {
  it.each(EXPECTED)('should move %s from %s to %s', (action, from, expected) => {
    expect(nextStatus(action, from)).toBe(expected);
    expect(canTransition(action, from)).toBe(expected !== null);
  });

  it('should cover every action from every status', () => {
    const actions = new Set(EXPECTED.map(([a]) => a));
    for (const action of actions) {
      for (const status of ALL_STATUSES) {
        expect(EXPECTED.some(([a, f]) => a === action && f === status)).toBe(true);
      }
    }
    expect(actions.size).toBe(10);
  });
});

describe('noticeAction', () => {
  it.each([
    ['granted', 'notice'],
    ['partially_granted', 'notice'],
    ['refused', 'refuse'],
    ['not_held', 'notice_not_held'],
    ['not_documented', 'notice_not_documented'],
  ] as const)('should make a %s notice the %s action, whose event names it', (decision, action) => {
    expect(noticeAction(decision)).toBe(action);
  });
});
