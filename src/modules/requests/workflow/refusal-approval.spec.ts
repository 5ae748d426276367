import { decidesRefusal, noticeActionAt } from './refusal-approval';

describe('refusal approval', () => {
  it.each([
    ['refused', 'utama', 'refuse'],
    ['refused', 'pelaksana', 'submit_refusal'],
    ['granted', 'pelaksana', 'notice'],
    ['partially_granted', 'utama', 'notice'],
    ['not_held', 'pelaksana', 'notice_not_held'],
    ['not_documented', 'utama', 'notice_not_documented'],
  ] as const)('should make a %s notice of a %s unit the action %s', (decision, level, action) => {
    expect(noticeActionAt(decision, level)).toBe(action);
  });

  it('should let only an officer of the same body\'s PPID Utama decide', () => {
    expect(decidesRefusal({ role: 'officer', unit: { level: 'utama', bodyId: 7 } }, 7)).toBe(true);
    expect(decidesRefusal({ role: 'officer', unit: { level: 'utama', bodyId: 8 } }, 7)).toBe(false);
    expect(decidesRefusal({ role: 'officer', unit: { level: 'pelaksana', bodyId: 7 } }, 7)).toBe(false);
    expect(decidesRefusal({ role: 'supervisor', unit: null }, 7)).toBe(false);
  });
});
