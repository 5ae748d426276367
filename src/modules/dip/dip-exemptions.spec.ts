import fc from 'fast-check';
import { exemptionEnded, exemptionItemText, itemsToOpen, joinedEndDate, OpeningDecision, openingDay, openingScope, withoutPersonalData } from './dip-exemptions';

describe('openingDay', () => {
  it.each([
    ['2026-01-30', '2026-01-31'],
    ['2026-01-31', '2026-02-01'],
    ['2026-02-28', '2026-03-01'],
    ['2028-02-28', '2028-02-29'],
    ['2028-02-29', '2028-03-01'],
    ['2026-04-30', '2026-05-01'],
    ['2026-12-31', '2027-01-01'],
  ])('should open an exemption ending %s on %s, the calendar day after', async (until, day) => {
    await expect(Promise.resolve(openingDay(until))).resolves.toBe(day);
  });
});

describe('exemptionEnded', () => {
  it('should keep an exemption on its end date and end it the day after, across a year end', async () => {
    await expect(Promise.resolve([exemptionEnded('2026-12-31', '2026-12-30'), exemptionEnded('2026-12-31', '2026-12-31'), exemptionEnded('2026-12-31', '2027-01-01')])).resolves.toEqual([
      false,
      false,
      true,
    ]);
  });

  it('should never end an exemption without an end date (grounds g–j)', async () => {
    await expect(Promise.resolve(exemptionEnded(null, '2099-12-31'))).resolves.toBe(false);
  });
});

describe('itemsToOpen', () => {
  const linked = [
    { id: 3, exempt: true },
    { id: 7, exempt: true },
    { id: 9, exempt: false },
  ];
  const cases: [string, OpeningDecision, number[], { open: number[]; unknown: number[] }][] = [
    ['an objection upheld', { kind: 'objection', decision: 'uphold' }, [3], { open: [], unknown: [] }],
    ['an objection overturned in full', { kind: 'objection', decision: 'overturn' }, [], { open: [3, 7], unknown: [] }],
    ['an objection overturned in part', { kind: 'objection', decision: 'overturn_partially' }, [7], { open: [7], unknown: [] }],
    ['a partial overturn choosing nothing', { kind: 'objection', decision: 'overturn_partially' }, [], { open: [], unknown: [] }],
    ['a partial overturn choosing an item of another request', { kind: 'objection', decision: 'overturn_partially' }, [7, 42], { open: [7], unknown: [42] }],
    ['a partial overturn choosing an item opened already', { kind: 'objection', decision: 'overturn_partially' }, [9], { open: [], unknown: [] }],
    ['a Komisi Informasi decision opening the information', { kind: 'commission', outcome: 'opened' }, [], { open: [3, 7], unknown: [] }],
    ['a Komisi Informasi decision opening it in part', { kind: 'commission', outcome: 'partially_opened' }, [3], { open: [3], unknown: [] }],
    ['a Komisi Informasi decision for the body', { kind: 'commission', outcome: 'rejected' }, [3], { open: [], unknown: [] }],
    ['a mediated dispute', { kind: 'commission', outcome: 'mediated' }, [], { open: [], unknown: [] }],
    ['a withdrawn dispute', { kind: 'commission', outcome: 'withdrawn' }, [], { open: [], unknown: [] }],
  ];
  it.each(cases)('should open the right items after %s', async (_name, decision, chosen, expected) => {
    await expect(Promise.resolve(itemsToOpen(decision, linked, chosen))).resolves.toEqual(expected);
  });

  it('should never open an item that is not linked, nor one no longer exempted, whatever is chosen', async () => {
    const decisions: OpeningDecision[] = [
      { kind: 'objection', decision: 'uphold' },
      { kind: 'objection', decision: 'overturn' },
      { kind: 'objection', decision: 'overturn_partially' },
      { kind: 'commission', outcome: 'opened' },
      { kind: 'commission', outcome: 'partially_opened' },
      { kind: 'commission', outcome: 'rejected' },
    ];
    await expect(
      Promise.resolve(
        fc.assert(
          fc.property(
            fc.constantFrom(...decisions),
            fc.uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 50 }), exempt: fc.boolean() }), { selector: (i) => i.id, maxLength: 8 }),
            fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 8 }),
            (decision, items, chosen) => {
              const { open, unknown } = itemsToOpen(decision, items, chosen);
              const scope = openingScope(decision);
              for (const id of open) {
                const item = items.find((i) => i.id === id);
                if (!item || !item.exempt) return false;
                if (scope === 'chosen' && !chosen.includes(id)) return false;
              }
              if (scope === 'none' && open.length > 0) return false;
              if (scope === 'all' && open.length !== items.filter((i) => i.exempt).length) return false;
              return unknown.every((id) => !items.some((i) => i.id === id));
            },
          ),
        ),
      ),
    ).resolves.toBeUndefined();
  });
});

describe('joinedEndDate', () => {
  it.each([
    ['2027-01-01', '2028-06-30', '2028-06-30'],
    ['2028-06-30', '2027-01-01', '2028-06-30'],
    [null, '2027-01-01', '2027-01-01'],
    ['2027-01-01', null, '2027-01-01'],
    [null, null, null],
  ])('should keep the later end date of %s and %s', async (current, added, expected) => {
    await expect(Promise.resolve(joinedEndDate(current, added))).resolves.toBe(expected);
  });
});

describe('the register text of a refusal', () => {
  const test = {
    information: 'Rekam medis pegawai atas nama Siti Aminah, NIK 3578012345678901, telepon 081234567890, siti.aminah@example.org',
    consequence: 'Mengungkap riwayat kesehatan Siti Aminah kepada publik.',
    ground: 'h',
    law: null,
    testedOn: '2026-11-20',
    registrationNumber: '3578-PPID-2026-00012',
  };

  it('should name the information, the ground, the test and the request, and mask the requester', async () => {
    const text = exemptionItemText(test, { name: 'Budi Santoso', others: ['budi@example.net'] });
    expect(text.title).toBe('Rekam medis pegawai atas nama Siti Aminah, NIK [disamarkan], telepon [disamarkan], [disamarkan]');
    await expect(Promise.resolve(text.summary)).resolves.toContain('Pasal 17 huruf h: mengungkap rahasia pribadi UU 14/2008, dengan uji konsekuensi tanggal 2026-11-20 atas permohonan 3578-PPID-2026-00012');
  });

  it('should mask the requester\'s name and its words wherever they stand, in any case', async () => {
    const text = exemptionItemText({ ...test, information: 'Surat pengaduan BUDI tentang tetangganya', consequence: 'Identitas budi santoso terungkap.' }, { name: 'Budi Santoso', others: [] });
    await expect(Promise.resolve(`${text.title} ${text.summary}`.toLowerCase())).resolves.not.toMatch(/budi|santoso/);
  });

  it('should never carry the requester\'s name, NIK, e-mail, phone or address into the register, wherever the officer typed them', async () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{2,9}$/);
    const requester = fc.record({
      name: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
      nik: fc.stringMatching(/^35\d{14}$/),
      email: fc.tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.constantFrom('example.org', 'mail.example.net')).map(([u, d]) => `${u}@${d}`),
      phone: fc.stringMatching(/^08\d{9,11}$/),
      address: fc.tuple(word, fc.integer({ min: 1, max: 200 })).map(([s, n]) => `Jalan ${s} ${n}`),
    });
    const filler = fc.array(fc.constantFrom('dokumen', 'anggaran', 'laporan', 'rapat', 'tahun 2026', 'halaman 3', ',', '.', '(', ')'), { maxLength: 6 }).map((w) => w.join(' '));
    await expect(
      Promise.resolve(
        fc.assert(
          fc.property(requester, filler, filler, fc.subarray(['name', 'nik', 'email', 'phone', 'address'] as const, { minLength: 1 }), (r, before, after, which) => {
            const typed = which.map((k) => r[k]).join(' ');
            const text = exemptionItemText(
              { ...test, information: `${before} ${typed} ${after}`, consequence: `${after} ${typed}` },
              { name: r.name, others: [r.email, r.nik, r.phone, r.address] },
            );
            const shown = `${text.title}\n${text.summary}`.toLowerCase();
            // The name's words are masked as words ("Rap" leaves "rapat" alone); everything else wherever it stands.
            const asWord = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}])${w.toLowerCase()}(?![\\p{L}\\p{N}])`, 'u');
            return r.name.split(' ').every((w) => !asWord(w).test(shown)) && [r.name, r.nik, r.email, r.phone, r.address].every((p) => !shown.includes(p.toLowerCase()));
          }),
        ),
      ),
    ).resolves.toBeUndefined();
  });

  it('should keep dates and ordinary figures readable', async () => {
    await expect(Promise.resolve(withoutPersonalData('Kontrak 2026-11-20 senilai Rp 250.000.000, halaman 12', { name: null, others: [] }))).resolves.toBe('Kontrak 2026-11-20 senilai Rp 250.000.000, halaman 12');
  });

  it('should mask the name only as whole words, and the address only whole, so the rest stays readable', async () => {
    await expect(
      Promise.resolve(withoutPersonalData('Kualitas jalan di Kota Surabaya menurut laporan Ali', { name: 'Ali', others: ['Jl. Pemuda No. 17, Surabaya'] })),
    ).resolves.toBe('Kualitas jalan di Kota Surabaya menurut laporan [disamarkan]');
  });
});
