import { parseNoticeInput } from './notice-input';

const refusal = {
  decision: 'refused',
  informationHeld: true,
  reason: 'Memuat data pribadi pegawai.',
  exemptionGround: 'h',
  consequenceTest: { date: '2026-11-20', participants: ['Kepala Dinas', 'PPID Utama'], consequence: 'Membuka rahasia pribadi.' },
};

describe('parseNoticeInput', () => {
  it('should accept a full grant with material, format and delivery', () => {
    const r = parseNoticeInput({ decision: 'granted', informationHeld: true, material: 'DPA 2025', format: 'softcopy', delivery: 'email', fee: 0 });
    expect(r.errors).toBeNull();
    expect(r.notice).toMatchObject({ decision: 'granted', material: 'DPA 2025', fee: 0 });
  });

  it('should require the blacked-out parts when the grant is partial', () => {
    const r = parseNoticeInput({ decision: 'partially_granted', informationHeld: true, material: 'DPA', format: 'hardcopy', delivery: 'pickup' });
    expect(r.errors).toHaveProperty('redactions');
  });

  it('should accept a refusal with a Pasal 17 ground and a consequence test', () => {
    const r = parseNoticeInput(refusal);
    expect(r.errors).toBeNull();
    expect(r.notice?.consequenceTest?.participants).toEqual(['Kepala Dinas', 'PPID Utama']);
  });

  it.each([
    [{ exemptionGround: undefined }, 'exemptionGround'],
    [{ exemptionGround: 'k' }, 'exemptionGround'],
    [{ reason: '' }, 'reason'],
    [{ exemptionGround: 'j' }, 'exemptionLaw'],
    [{ exemptionGround: 'a' }, 'consequenceTest.exemptionUntil'],
    [{ consequenceTest: { participants: ['A'], consequence: 'x' } }, 'consequenceTest.date'],
    [{ consequenceTest: { date: '2026-11-20', participants: [], consequence: 'x' } }, 'consequenceTest.participants'],
  ])('should refuse a refusal missing what the law asks when given %j', (override: Record<string, unknown>, field: string) => {
    const r = parseNoticeInput({ ...refusal, ...override });
    expect(r.errors).toHaveProperty([field]);
  });

  it('should accept a not-held notice naming the body that holds it', () => {
    const r = parseNoticeInput({ decision: 'not_held', holderBody: 'Badan Pusat Statistik Provinsi Jawa Timur' });
    expect(r.errors).toBeNull();
    expect(r.notice).toMatchObject({ informationHeld: false, holderBody: 'Badan Pusat Statistik Provinsi Jawa Timur' });
  });

  it('should ask how to pay when there is a fee', () => {
    const r = parseNoticeInput({ decision: 'granted', informationHeld: true, material: 'x', format: 'hardcopy', delivery: 'post', fee: 15000 });
    expect(r.errors).toHaveProperty('paymentMethod');
  });

  it('should refuse an unknown decision', () => {
    expect(parseNoticeInput({ decision: 'maybe', informationHeld: true }).errors).toHaveProperty('decision');
  });
});
