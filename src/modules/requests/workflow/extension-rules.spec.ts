import { extensionRefusal } from './extension-rules';

describe('extensionRefusal', () => {
  const due = '2026-11-30';

  it.each([
    ['well before the due date', '2026-11-20'],
    ['the day before the due date', '2026-11-29'],
    ['on the due date itself', '2026-11-30'],
  ])('should allow an extension %s', (_when, today) => {
    expect(extensionRefusal({ dueDate: due, extendedDays: null }, today)).toBeNull();
  });

  it.each([
    ['the day after the due date', '2026-12-01'],
    ['months after the due date', '2027-03-15'],
  ])('should refuse an extension %s, naming the passed due date and Pasal 22(8)', (_when, today) => {
    const why = extensionRefusal({ dueDate: due, extendedDays: null }, today);
    expect(why).toContain('sudah lewat');
    expect(why).toContain('Senin, 30 November 2026');
    expect(why).toContain('Pasal 22 ayat (8)');
  });

  it('should refuse a second extension even before the due date', () => {
    expect(extensionRefusal({ dueDate: due, extendedDays: 7 }, '2026-11-20')).toContain('satu kali');
  });
});
