import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from 'src/common/time/local-time';
import { DECISIONS, holdingContradiction, parseNoticeInput, withholds } from './notice-input';
import { Decision } from './notice-rules';

/** The local date the notices below are decided on. */
const TODAY = '2026-12-01';
const parse = (raw: unknown) => parseNoticeInput(raw, TODAY);

const consequenceTest = {
  date: '2026-11-20',
  information: 'Daftar riwayat kesehatan pegawai dalam lampiran laporan.',
  participants: ['Kepala Dinas', 'PPID Utama'],
  consequence: 'Membuka rahasia pribadi.',
  publicInterest: 'Laporan tanpa lampiran itu tetap terbuka; riwayat kesehatan tidak menambah manfaat bagi publik.',
  legalBasis: 'Pasal 17 huruf h angka 2 UU 14/2008',
};
const refusal = {
  decision: 'refused',
  informationHeld: true,
  reason: 'Memuat data pribadi pegawai.',
  exemptionGround: 'h',
  consequenceTest,
};
const partialGrant = {
  decision: 'partially_granted',
  informationHeld: true,
  material: 'Laporan kinerja 2025',
  redactions: 'Lampiran riwayat kesehatan pegawai dihitamkan.',
  format: 'softcopy',
  delivery: 'email',
  exemptionGround: 'h',
  consequenceTest,
};

describe('parseNoticeInput', () => {
  it('should accept a full grant with material, format and delivery', () => {
    const r = parse({ decision: 'granted', informationHeld: true, material: 'DPA 2025', format: 'softcopy', delivery: 'email', fee: 0 });
    expect(r.errors).toBeNull();
    expect(r.notice).toMatchObject({ decision: 'granted', material: 'DPA 2025', fee: 0 });
  });

  it('should require the blacked-out parts, their Pasal 17 ground and the consequence test when the grant is partial', () => {
    const r = parse({ decision: 'partially_granted', informationHeld: true, material: 'DPA', format: 'hardcopy', delivery: 'pickup' });
    expect(r.errors).toHaveProperty('redactions');
    expect(r.errors).toHaveProperty('exemptionGround');
    expect(r.errors).toHaveProperty(['consequenceTest.date']);
  });

  it('should accept a partial grant with its ground and consequence test, and keep both', () => {
    const r = parse(partialGrant);
    expect(r.errors).toBeNull();
    expect(r.notice).toMatchObject({ exemptionGround: 'h', consequenceTest: { information: consequenceTest.information, legalBasis: consequenceTest.legalBasis } });
  });

  it('should accept a refusal with a Pasal 17 ground and a consequence test', () => {
    const r = parse(refusal);
    expect(r.errors).toBeNull();
    expect(r.notice?.consequenceTest?.participants).toEqual(['Kepala Dinas', 'PPID Utama']);
  });

  it.each([
    [{ exemptionGround: undefined }, 'exemptionGround'],
    [{ exemptionGround: 'k' }, 'exemptionGround'],
    [{ reason: '' }, 'reason'],
    [{ exemptionGround: 'j' }, 'exemptionLaw'],
    [{ exemptionGround: 'a' }, 'consequenceTest.exemptionUntil'],
    [{ consequenceTest: { ...consequenceTest, date: undefined } }, 'consequenceTest.date'],
    [{ consequenceTest: { ...consequenceTest, participants: [] } }, 'consequenceTest.participants'],
    [{ consequenceTest: { ...consequenceTest, information: '' } }, 'consequenceTest.information'],
    [{ consequenceTest: { ...consequenceTest, publicInterest: ' ' } }, 'consequenceTest.publicInterest'],
    [{ consequenceTest: { ...consequenceTest, legalBasis: undefined } }, 'consequenceTest.legalBasis'],
  ])('should refuse a refusal missing what the law asks when given %j', (override: Record<string, unknown>, field: string) => {
    const r = parse({ ...refusal, ...override });
    expect(r.errors).toHaveProperty([field]);
  });

  it('should accept a not-held notice naming the body that holds it', () => {
    const r = parse({ decision: 'not_held', holderBody: 'Badan Pusat Statistik Provinsi Jawa Timur' });
    expect(r.errors).toBeNull();
    expect(r.notice).toMatchObject({ informationHeld: false, holderBody: 'Badan Pusat Statistik Provinsi Jawa Timur' });
  });

  it('should ask how to pay when there is a fee', () => {
    const r = parse({ decision: 'granted', informationHeld: true, material: 'x', format: 'hardcopy', delivery: 'post', fee: 15000 });
    expect(r.errors).toHaveProperty('paymentMethod');
  });

  it('should refuse an unknown decision', () => {
    expect(parse({ decision: 'maybe', informationHeld: true }).errors).toHaveProperty('decision');
  });
});

describe('NoticeDto through parseNoticeInput', () => {
  it('should say "Keputusan wajib dipilih." when no decision is chosen', () => {
    expect(parse({ informationHeld: 'true' }).errors).toEqual({ decision: 'Keputusan wajib dipilih.' });
  });

  it('should read the flat strings the form posts: yes/no, grouped rupiah, participants one per line', () => {
    const r = parse({
      ...refusal,
      informationHeld: 'true',
      fee: '15.000',
      paymentMethod: 'Transfer bank',
      consequenceTest: { ...refusal.consequenceTest, participants: 'Kepala Dinas\r\n\r\nPPID Utama ' },
    });
    expect(r.errors).toBeNull();
    expect(r.notice).toMatchObject({ informationHeld: true, fee: 15000, consequenceTest: { participants: ['Kepala Dinas', 'PPID Utama'] } });
  });

  it('should store the blank fields a form posts as absent, so an empty end date is no date', () => {
    const r = parse({ ...partialGrant, fee: '', timeNeeded: '', reason: '', consequenceTest: { ...consequenceTest, exemptionUntil: '' } });
    expect(r.errors).toBeNull();
    expect(r.notice).toMatchObject({ fee: null, timeNeeded: null, reason: null, consequenceTest: { exemptionUntil: null } });
  });

  it('should keep only what the decision uses', () => {
    const r = parse({ decision: 'not_held', holderBody: 'BPS', material: 'x', exemptionGround: 'h', format: 'softcopy' });
    expect(r.notice).toMatchObject({ informationHeld: false, holderBody: 'BPS', material: null, exemptionGround: null, format: null, consequenceTest: null });
  });

  it('should name each part of a missing consequence test', () => {
    const r = parse({ ...refusal, consequenceTest: undefined });
    expect(Object.keys(r.errors ?? {})).toEqual(expect.arrayContaining(['consequenceTest.date', 'consequenceTest.participants', 'consequenceTest.consequence']));
  });

  it('should not ask for the end date of a permanent ground', () => {
    expect(parse({ ...refusal, exemptionGround: 'h' }).errors).toBeNull();
    expect(parse({ ...refusal, exemptionGround: 'a', consequenceTest: { ...consequenceTest, exemptionUntil: '2030-01-01' } }).errors).toBeNull();
  });

  it('should answer any malformed notice with messages per field and never throw', () => {
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object());
    const field = fc.constantFrom('decision', 'informationHeld', 'holderBody', 'material', 'redactions', 'format', 'delivery', 'fee', 'paymentMethod', 'timeNeeded', 'reason', 'exemptionGround', 'exemptionLaw', 'consequenceTest');
    const decision = fc.constantFrom('granted', 'partially_granted', 'refused', 'not_held', 'not_documented', '', 'x');
    fc.assert(
      fc.property(decision, fc.array(fc.tuple(field, anyValue)), fc.anything(), (d, pairs, whole) => {
        for (const candidate of [{ ...refusal, decision: d, ...Object.fromEntries(pairs) }, whole]) {
          const r = parse(candidate);
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
    expect(parse({ ...refusal, consequenceTest: undefined, exemptionGround: 'a' }).errors).toHaveProperty(['consequenceTest.exemptionUntil']);
  });
});

describe('contradictory notices', () => {
  it.each([
    ['granted, but not held', { decision: 'granted', informationHeld: false, material: 'DPA', format: 'softcopy', delivery: 'email' }, 'informationHeld', 'harus berada di bawah penguasaan'],
    ['partially granted, but not held', { ...partialGrant, informationHeld: false }, 'informationHeld', 'harus berada di bawah penguasaan'],
    ['refused under Pasal 17, but not held', { ...refusal, informationHeld: 'false' }, 'informationHeld', 'hanya untuk informasi yang dikuasai'],
    ['not held, but held', { decision: 'not_held', informationHeld: true }, 'informationHeld', 'Tidak dikuasai'],
    ['a partial grant with redactions but no Pasal 17 ground', { ...partialGrant, exemptionGround: undefined }, 'exemptionGround', 'wajib dipilih'],
    ['a partial grant with redactions but no consequence test', { ...partialGrant, consequenceTest: undefined }, 'consequenceTest.information', 'wajib diisi'],
    ['an exemption that ended yesterday (Pasal 20)', { ...refusal, exemptionGround: 'a', consequenceTest: { ...consequenceTest, exemptionUntil: '2026-11-30' } }, 'consequenceTest.exemptionUntil', 'sesudah hari ini'],
    ['an exemption that ends today', { ...refusal, exemptionGround: 'c', consequenceTest: { ...consequenceTest, exemptionUntil: TODAY } }, 'consequenceTest.exemptionUntil', 'Pasal 20'],
    ['a consequence test dated tomorrow', { ...refusal, consequenceTest: { ...consequenceTest, date: '2026-12-02' } }, 'consequenceTest.date', 'tidak boleh sesudah hari ini'],
  ])('should refuse %s, naming the field in Indonesian', (_case, notice, field, words) => {
    const r = parse(notice);
    expect(r.notice).toBeNull();
    expect(r.errors?.[field]).toContain(words);
  });

  it('should accept a consequence test dated today and an exemption ending tomorrow', () => {
    expect(parse({ ...refusal, exemptionGround: 'a', consequenceTest: { ...consequenceTest, date: TODAY, exemptionUntil: '2026-12-02' } }).errors).toBeNull();
  });

  it('should accept no contradictory combination of decision, holding, ground, test date and exemption end', () => {
    const date = fc.integer({ min: -400, max: 400 }).map((offset) => fromDayNumber(toDayNumber('2026-12-01') + offset));
    const decision = fc.constantFrom<Decision>('granted', 'partially_granted', 'refused', 'not_held', 'not_documented');
    const ground = fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'), { nil: undefined });
    const test = fc.option(fc.record({ date, exemptionUntil: fc.option(date, { nil: undefined }) }), { nil: undefined });
    fc.assert(
      fc.property(decision, fc.option(fc.boolean(), { nil: undefined }), ground, test, fc.boolean(), (d, held, g, t, redacted) => {
        const input = {
          decision: d,
          informationHeld: held,
          material: 'Bahan',
          redactions: redacted ? 'Bagian dihitamkan.' : undefined,
          format: 'softcopy',
          delivery: 'email',
          reason: 'Alasan penolakan.',
          exemptionGround: g,
          consequenceTest: t ? { ...consequenceTest, ...t } : undefined,
        };
        const r = parse(input);
        if (!r.notice) return;
        const n = r.notice;
        // Accepted: nothing in it contradicts anything else.
        expect(holdingContradiction(n.decision, n.informationHeld)).toBeNull();
        if (held !== undefined) expect(holdingContradiction(d, held)).toBeNull();
        if (d === 'not_held') expect(n.informationHeld).toBe(false);
        if (withholds(d)) {
          expect(n.exemptionGround).not.toBeNull();
          expect(n.consequenceTest).not.toBeNull();
          expect(n.consequenceTest!.date <= TODAY).toBe(true);
          if (n.consequenceTest!.exemptionUntil !== null) expect(n.consequenceTest!.exemptionUntil > TODAY).toBe(true);
          if ('abcdef'.includes(n.exemptionGround!)) expect(n.consequenceTest!.exemptionUntil).not.toBeNull();
        } else {
          expect(n.exemptionGround).toBeNull();
          expect(n.consequenceTest).toBeNull();
        }
        if (d === 'partially_granted') expect(redacted).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
