import fc from 'fast-check';
import { DECISIONS, parseNoticeInput } from './notice-input';

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

describe('NoticeDto through parseNoticeInput', () => {
  it('should say "Keputusan wajib dipilih." when no decision is chosen', () => {
    expect(parseNoticeInput({ informationHeld: 'true' }).errors).toEqual({ decision: 'Keputusan wajib dipilih.' });
  });

  it('should read the flat strings the form posts: yes/no, grouped rupiah, participants one per line', () => {
    const r = parseNoticeInput({
      ...refusal,
      informationHeld: 'true',
      fee: '15.000',
      paymentMethod: 'Transfer bank',
      consequenceTest: { ...refusal.consequenceTest, participants: 'Kepala Dinas\r\n\r\nPPID Utama ' },
    });
    expect(r.errors).toBeNull();
    expect(r.notice).toMatchObject({ informationHeld: true, fee: 15000, consequenceTest: { participants: ['Kepala Dinas', 'PPID Utama'] } });
  });

  it('should keep only what the decision uses', () => {
    const r = parseNoticeInput({ decision: 'not_held', holderBody: 'BPS', material: 'x', exemptionGround: 'h', format: 'softcopy' });
    expect(r.notice).toMatchObject({ informationHeld: false, holderBody: 'BPS', material: null, exemptionGround: null, format: null, consequenceTest: null });
  });

  it('should name each part of a missing consequence test', () => {
    const r = parseNoticeInput({ ...refusal, consequenceTest: undefined });
    expect(Object.keys(r.errors ?? {})).toEqual(expect.arrayContaining(['consequenceTest.date', 'consequenceTest.participants', 'consequenceTest.consequence']));
  });

  it('should not ask for the end date of a permanent ground', () => {
    expect(parseNoticeInput({ ...refusal, exemptionGround: 'h' }).errors).toBeNull();
    expect(parseNoticeInput({ ...refusal, exemptionGround: 'a', consequenceTest: { ...refusal.consequenceTest, exemptionUntil: '2030-01-01' } }).errors).toBeNull();
  });

  it('should answer any malformed notice with messages per field and never throw', () => {
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object());
    const field = fc.constantFrom('decision', 'informationHeld', 'holderBody', 'material', 'redactions', 'format', 'delivery', 'fee', 'paymentMethod', 'timeNeeded', 'reason', 'exemptionGround', 'exemptionLaw', 'consequenceTest');
    const decision = fc.constantFrom('granted', 'partially_granted', 'refused', 'not_held', 'not_documented', '', 'x');
    fc.assert(
      fc.property(decision, fc.array(fc.tuple(field, anyValue)), fc.anything(), (d, pairs, whole) => {
        for (const candidate of [{ ...refusal, decision: d, ...Object.fromEntries(pairs) }, whole]) {
          const r = parseNoticeInput(candidate);
          if (r.errors) {
            expect(Object.keys(r.errors).length).toBeGreaterThan(0);
            for (const message of Object.values(r.errors)) expect(message).toMatch(/^[A-Z].+\.(\))?$/);
          } else {
            expect(Object.hasOwn(DECISIONS, r.notice.decision)).toBe(true);
            if (r.notice.decision === 'refused') expect(r.notice.consequenceTest?.participants.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a refusal on a temporary ground without any consequence test', () => {
  it('should still ask for the end date of the exemption', () => {
    expect(parseNoticeInput({ ...refusal, consequenceTest: undefined, exemptionGround: 'a' }).errors).toHaveProperty(['consequenceTest.exemptionUntil']);
  });
});
