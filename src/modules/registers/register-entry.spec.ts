import { buildRegisterEntry, informationFormOf, informationStatusOf, maskName, RegisterRecord, workingDaysTaken } from './register-entry';

/** Monday–Friday, no holidays: enough to check the counting. */
const weekdays = {
  countWorkingDays(from: string, to: string): number {
    let n = 0;
    for (let d = new Date(`${from}T00:00:00Z`); d < new Date(`${to}T00:00:00Z`); ) {
      d = new Date(d.getTime() + 86400000);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n++;
    }
    return n;
  },
};

function record(over: Partial<RegisterRecord> = {}): RegisterRecord {
  return {
    id: '7',
    registrationNumber: '3578-U-2026-00007',
    bodyId: 1,
    unitId: 2,
    unitName: 'PPID Utama Kota Surabaya',
    receivingUnitId: 2,
    channel: 'online',
    status: 'answered',
    decision: 'partially_granted',
    requesterName: 'Dyah Ayu Pitaloka',
    requesterEmail: 'dyah@contoh.id',
    requesterOccupation: 'Peneliti',
    information: 'DPA 2026',
    purpose: 'Penelitian',
    obtainMethod: 'copy_hard',
    // 23:30 WIB on Friday 9 October is still the 9th in the province, the 9th 16:30 UTC.
    receivedAt: new Date('2026-10-09T16:30:00Z'),
    effectiveReceiptDate: '2026-10-12',
    dueDate: '2026-10-26',
    extendedDays: null,
    answeredAt: new Date('2026-10-19T20:00:00Z'),
    closedAt: null,
    notice: { decision: 'partially_granted', informationHeld: true, format: 'softcopy', fee: 15000, paymentMethod: 'Transfer bank' },
    firstHandoverAt: new Date('2026-10-21T03:00:00Z'),
    forwardedTo: null,
    ...over,
  };
}

describe('buildRegisterEntry', () => {
  it('should fill every register column from the request, its notice and its events, dates in the province zone', () => {
    const e = buildRegisterEntry(record(), { address: 'Jl. Pemuda 17', phone: '0812' }, weekdays, 'Asia/Jakarta');
    expect(e).toMatchObject({
      receivedDate: '2026-10-09',
      personalShown: true,
      requesterName: 'Dyah Ayu Pitaloka',
      requesterAddress: 'Jl. Pemuda 17',
      requesterContact: '0812 / dyah@contoh.id',
      requesterOccupation: 'Peneliti',
      informationStatus: 'held',
      // The notice's form wins over the one asked for.
      form: 'softcopy',
      requestKind: 'copy',
      decision: 'partially_granted',
      exemptionGround: null,
      refusalReason: null,
      // 03:00 WIB on Tuesday 20 October.
      noticeDate: '2026-10-20',
      deliveryDate: '2026-10-21',
      fee: 15000,
      paymentMethod: 'Transfer bank',
      // Day 0 Monday 12th, notice Tuesday 20th: six working days.
      workingDaysTaken: 6,
      status: 'answered',
      extended: false,
    });
  });

  it('should mask the name and leave out address and contact for a reader who may not see them', () => {
    const e = buildRegisterEntry(record(), null, weekdays, 'Asia/Jakarta');
    expect(e).toMatchObject({ personalShown: false, requesterName: 'D*** A*** P***', requesterAddress: null, requesterContact: null });
  });

  it('should carry a refusal ground, law and reason only for refusals', () => {
    const refused = record({ decision: 'refused', notice: { exemptionGround: 'j', exemptionLaw: 'UU 7/1992', reason: 'Rahasia bank', informationHeld: true } });
    expect(buildRegisterEntry(refused, null, weekdays, 'Asia/Jakarta')).toMatchObject({ exemptionGround: 'j', exemptionLaw: 'UU 7/1992', refusalReason: 'Rahasia bank', fee: null });
    const granted = record({ notice: { exemptionGround: 'j', reason: 'x' } });
    expect(buildRegisterEntry(granted, null, weekdays, 'Asia/Jakarta')).toMatchObject({ exemptionGround: null, refusalReason: null });
  });

  it('should leave notice columns empty while the request waits, and keep statuses it does not know', () => {
    const open = record({ status: 'withdrawn', decision: null, notice: null, answeredAt: null, firstHandoverAt: null, obtainMethod: 'view', forwardedTo: 'PPID Dinkes' });
    expect(buildRegisterEntry(open, null, weekdays, 'Asia/Jakarta')).toMatchObject({
      informationStatus: null, form: null, requestKind: 'inspect', noticeDate: null, deliveryDate: null, workingDaysTaken: null, status: 'withdrawn', forwardedTo: 'PPID Dinkes',
    });
  });
});

describe('register rules', () => {
  it.each([
    ['Dyah Ayu Pitaloka', 'D*** A*** P***'],
    ['  Ṣalāḥ  ', 'Ṣ***'],
    ['', '***'],
  ])('should mask %j as %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([
    [null, null, null],
    ['granted', { informationHeld: true }, 'held'],
    ['refused', {}, 'held'],
    ['not_held', { informationHeld: false }, 'not_held'],
    ['not_documented', {}, 'not_documented'],
  ] as const)('should read decision %s as information status %s', (decision, notice, status) => {
    expect(informationStatusOf(decision, notice)).toBe(status);
  });

  it.each([
    ['copy_soft', null, 'softcopy'],
    ['copy_hard', null, 'hardcopy'],
    ['view', null, null],
    ['view', { format: 'hardcopy' }, 'hardcopy'],
  ] as const)('should read method %s with notice %j as form %s', (method, notice, form) => {
    expect(informationFormOf(method, notice)).toBe(form);
  });

  it('should count working days from day 0 to the notice, a notice on day 0 taking none', () => {
    expect(workingDaysTaken(weekdays, '2026-10-12', '2026-10-12')).toBe(0);
    expect(workingDaysTaken(weekdays, '2026-10-12', '2026-10-26')).toBe(10);
    expect(workingDaysTaken(weekdays, '2026-10-12', null)).toBeNull();
  });
});
