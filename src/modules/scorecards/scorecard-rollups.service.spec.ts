import { WorkingDayCalendar } from 'src/modules/calendar';
import { noticeDayRows } from './scorecard-rollups.service';

describe('noticeDayRows', () => {
  const calendar = WorkingDayCalendar.build({ nonWorkingDays: ['2025-02-10'], confirmedYears: [2025] });
  const calendars = new Map([[1, calendar]]);
  const pair = (receivedOn: string, noticeOn: string, count = 1) => ({ bodyId: 1, unitId: 7, day: receivedOn, receivedOn, noticeOn, count });

  it('should count whole working days by the body calendar and add up pairs of the same key and count', () => {
    // Monday 3 February to Thursday 20 February 2025 with Monday 10 February off: 12 working days.
    expect(noticeDayRows([pair('2025-02-03', '2025-02-20', 2), pair('2025-02-03', '2025-02-20', 3), pair('2025-02-03', '2025-02-03')], calendars)).toEqual([
      { unitId: 7, bodyId: 1, day: '2025-02-03', workingDays: 12, count: 5 },
      { unitId: 7, bodyId: 1, day: '2025-02-03', workingDays: 0, count: 1 },
    ]);
  });

  it('should leave out a notice the calendar cannot count rather than make a figure up', () => {
    expect(noticeDayRows([pair('2012-03-01', '2012-03-09')], calendars)).toEqual([]);
  });
});
