import { addObjectionFigures, annualReportStanding, NO_OBJECTIONS } from './scorecard-compliance';

describe('annualReportStanding', () => {
  it.each([
    ['published on the deadline itself', '2026-03-31', '2026-06-01', true],
    ['published before the deadline, seen before it', '2026-02-10', '2026-03-01', true],
    ['published the day after', '2026-04-01', '2026-06-01', false],
    ['not published, the deadline passed', null, '2026-04-01', false],
    ['not published, the deadline is today', null, '2026-03-31', null],
    ['not published, the deadline still ahead', null, '2026-01-15', null],
  ] as const)('should say %s', (_what, publishedOn, today, onTime) => {
    expect(annualReportStanding(2025, '2026-03-31', publishedOn, today)).toEqual({ reportYear: 2025, deadline: '2026-03-31', publishedOn, onTime });
  });
});

describe('addObjectionFigures', () => {
  it('should add every figure and nothing else', () => {
    const unit = { unitId: 7, bodyId: 3, objections: 2, requestsObjected: 1, overturned: 1, answered: 2, answeredOnTime: 1, overdue: 0, disputes: 1, requestsDisputed: 1 };
    expect(addObjectionFigures(addObjectionFigures(NO_OBJECTIONS, unit), unit)).toEqual({
      objections: 4,
      requestsObjected: 2,
      overturned: 2,
      answered: 4,
      answeredOnTime: 2,
      overdue: 0,
      disputes: 2,
      requestsDisputed: 2,
    });
  });
});
