import type { RegisterEntry } from 'src/modules/registers';
import { annualReportDeadline, buildAnnualFigures } from './annual-figures';

function entry(over: Partial<RegisterEntry>): RegisterEntry {
  return {
    id: '1', registrationNumber: 'X', bodyId: 1, unitId: 1, unitName: 'U', receivingUnitId: 1, receivedDate: '2026-01-10', channel: 'online',
    personalShown: false, requesterName: 'A***', requesterAddress: null, requesterContact: null, requesterOccupation: null, information: 'i', purpose: 'p',
    informationStatus: null, form: null, requestKind: 'inspect', decision: null, exemptionGround: null, exemptionLaw: null, refusalReason: null,
    noticeDate: null, deliveryDate: null, fee: null, paymentMethod: null, workingDaysTaken: null, dueDate: '2026-01-24', extended: false,
    status: 'received', forwardedTo: null, ...over,
  };
}

describe('buildAnnualFigures', () => {
  const entries = [
    entry({ channel: 'online', receivedDate: '2026-01-05', decision: 'granted', workingDaysTaken: 3, noticeDate: '2026-01-08', dueDate: '2026-01-19' }),
    entry({ channel: 'online', receivedDate: '2026-01-20', decision: 'partially_granted', workingDaysTaken: 8, noticeDate: '2026-01-30', dueDate: '2026-02-03' }),
    entry({ channel: 'walk_in', receivedDate: '2026-03-02', decision: 'refused', exemptionGround: 'h', workingDaysTaken: 12, noticeDate: '2026-03-18', dueDate: '2026-03-25', extended: true }),
    entry({ channel: 'online', receivedDate: '2026-03-03', decision: 'refused', exemptionGround: 'h', workingDaysTaken: 11, noticeDate: '2026-03-18', dueDate: '2026-03-17' }),
    entry({ channel: 'letter', receivedDate: '2026-12-30', decision: 'not_held', workingDaysTaken: 20, noticeDate: '2027-01-28', dueDate: '2027-01-14' }),
    entry({ channel: 'walk_in', receivedDate: '2026-12-31', decision: null, status: 'withdrawn' }),
    entry({ channel: 'email', receivedDate: '2026-06-15', decision: 'refused', exemptionGround: 'j', workingDaysTaken: 0, noticeDate: '2026-06-15', dueDate: '2026-06-29' }),
  ];
  const f = buildAnnualFigures(2026, entries, null);

  it('should count requests by channel and month of receipt', () => {
    expect(f.total).toBe(7);
    expect(f.byChannel).toEqual([
      { channel: 'online', months: [2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], total: 3 },
      { channel: 'walk_in', months: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1], total: 2 },
      { channel: 'letter', months: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], total: 1 },
      { channel: 'email', months: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0], total: 1 },
    ]);
    expect(f.monthTotals).toEqual([2, 0, 2, 0, 0, 1, 0, 0, 0, 0, 0, 2]);
  });

  it('should give the working days taken: bands, median, mean, late and extended', () => {
    // Taken: 0, 3, 8, 11, 12, 20 → median (8 + 11) / 2, mean 54 / 6.
    expect(f.workingDays).toEqual({
      answered: 6,
      median: 9.5,
      mean: 9,
      bands: [{ key: '0-5', count: 2 }, { key: '6-10', count: 1 }, { key: '11-17', count: 2 }, { key: '18+', count: 1 }],
      late: 2,
      extended: 1,
    });
  });

  it('should count outcomes and refusals by Pasal 17 ground, every ground listed', () => {
    expect(f.outcomes).toEqual({ granted: 1, partiallyGranted: 1, refused: 3, notHeld: 1, notDocumented: 0, pending: 1 });
    expect(f.refusalsByGround.map((g) => g.ground).join('')).toBe('abcdefghij');
    expect(f.refusalsByGround.filter((g) => g.count > 0)).toEqual([{ ground: 'h', count: 2 }, { ground: 'j', count: 1 }]);
    expect(f.objections).toBeNull();
  });

  it('should give empty figures for a year without requests', () => {
    const none = buildAnnualFigures(2026, [], null);
    expect(none).toMatchObject({ total: 0, byChannel: [], workingDays: { answered: 0, median: null, mean: null } });
  });

  it('should take the median of an odd count as its middle value', () => {
    const odd = buildAnnualFigures(2026, [entry({ workingDaysTaken: 2, decision: 'granted' }), entry({ workingDaysTaken: 7, decision: 'granted' }), entry({ workingDaysTaken: 4, decision: 'granted' })], null);
    expect(odd.workingDays.median).toBe(4);
  });
});

describe('annualReportDeadline', () => {
  it('should fall on 31 March of the next year', () => {
    expect(annualReportDeadline(2026)).toBe('2027-03-31');
  });
});
