import { RequestStatus } from 'src/modules/requests/request-status';
import { ALL_STATUSES, canTransition, nextStatus, noticeAction, RequestAction, TRANSITIONS } from './request-transitions';

type Cell = RequestStatus | null;
/** Written out by hand from the lifecycle: the status after each action from each status, null when refused. */
const COLUMNS: RequestStatus[] = ['received', 'in_process', 'awaiting_approval', 'answered', 'closed', 'withdrawn'];
const MATRIX: Record<RequestAction, [Cell, Cell, Cell, Cell, Cell, Cell]> = {
  //                received       in_process     awaiting_approval    answered      closed    withdrawn
  assign:          ['received', 'in_process', 'awaiting_approval', 'answered', null, null],
  note:            ['received', 'in_process', 'awaiting_approval', 'answered', 'closed', 'withdrawn'],
  forward:         ['in_process', 'in_process', null, null, null, null],
  extend:          ['in_process', 'in_process', null, null, null, null],
  notice:          ['answered', 'answered', null, null, null, null],
  refuse:          ['closed', 'closed', null, null, null, null],
  submit_refusal:  ['awaiting_approval', 'awaiting_approval', null, null, null, null],
  approve_refusal: [null, null, 'closed', null, null, null],
  return_refusal:  [null, null, 'in_process', null, null, null],
  notice_not_held: ['closed', 'closed', null, null, null, null],
  notice_not_documented: ['closed', 'closed', null, null, null, null],
  handover:        [null, null, null, 'answered', null, null],
  record_delivery: [null, null, null, 'answered', null, null],
  close:           [null, null, null, 'closed', null, null],
  correct_letter:  [null, 'in_process', 'awaiting_approval', 'answered', 'closed', null],
  transfer:        ['closed', 'closed', null, null, null, null],
  withdraw:        ['withdrawn', 'withdrawn', 'withdrawn', 'withdrawn', null, null],
  reopen:          ['in_process', 'in_process', 'in_process', 'in_process', 'in_process', null],
};

const EXPECTED: [RequestAction, RequestStatus, Cell][] = (Object.entries(MATRIX) as [RequestAction, Cell[]][]).flatMap(([action, cells]) =>
  cells.map((to, i): [RequestAction, RequestStatus, Cell] => [action, COLUMNS[i], to]),
);

describe('request transitions', () => {
  it.each(EXPECTED)('should move %s from %s to %s', (action, from, expected) => {
    expect(nextStatus(action, from)).toBe(expected);
    expect(canTransition(action, from)).toBe(expected !== null);
  });

  it('should cover every status in the matrix columns', () => {
    expect([...COLUMNS].sort()).toEqual([...ALL_STATUSES].sort());
    expect(Object.keys(MATRIX)).toHaveLength(18);
  });

  it('should give every action its own event, so an event names its action', () => {
    const events = Object.values(TRANSITIONS).map((t) => t.event);
    expect(new Set(events).size).toBe(events.length);
  });

  it('should leave a closed request only to notes, a ralat and a reopening on an objection, and a withdrawn one only to notes', () => {
    const allowed = (status: RequestStatus) => (Object.keys(MATRIX) as RequestAction[]).filter((a) => canTransition(a, status));
    expect(allowed('closed').sort()).toEqual(['correct_letter', 'note', 'reopen']);
    expect(allowed('withdrawn')).toEqual(['note']);
    expect(canTransition('correct_letter', 'withdrawn')).toBe(false);
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
