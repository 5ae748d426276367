import { blankNotice, NoticeInput } from 'src/modules/requests/workflow/notice-input';
import { decisionSummary, OBJECTION_STEP, openNextSteps } from './decision-summary';

const blank = blankNotice('granted');

describe('decisionSummary', () => {
  const cases: { name: string; notice: Partial<NoticeInput>; status: 'answered' | 'closed'; facts: string[]; steps: string[]; noSteps?: string[] }[] = [
    {
      name: 'granted with a fee, not yet handed over',
      notice: { decision: 'granted', material: 'DPA 2025', format: 'hardcopy', delivery: 'pickup', fee: 15000, paymentMethod: 'Transfer ke rekening kas daerah', timeNeeded: '3 hari kerja' },
      status: 'answered',
      facts: ['Keputusan: Diberikan seluruhnya', 'Bentuk informasi: Hardcopy (salinan cetak)', 'Cara penyampaian: Mengambil langsung', 'Biaya: Rp 15.000', 'Cara pembayaran: Transfer ke rekening kas daerah'],
      steps: ['Bayar biaya Rp 15.000 lebih dahulu: Transfer ke rekening kas daerah.', 'Petugas PPID akan menyampaikan informasi kepada Anda (cara penyampaian: mengambil langsung) dalam waktu 3 hari kerja.'],
      noSteps: [OBJECTION_STEP],
    },
    {
      name: 'granted without a fee, handed over and closed',
      notice: { decision: 'granted', material: 'DPA', format: 'softcopy', delivery: 'email', fee: 0 },
      status: 'closed',
      facts: ['Biaya: Tanpa biaya'],
      steps: ['Informasi sudah diserahkan dan permohonan selesai.'],
      noSteps: [OBJECTION_STEP],
    },
    {
      name: 'partially granted',
      notice: { decision: 'partially_granted', material: 'DPA', redactions: 'Nomor rekening dihitamkan', format: 'softcopy', delivery: 'email' },
      status: 'answered',
      facts: ['Keputusan: Diberikan sebagian', 'Bagian yang dihitamkan dan alasannya: Nomor rekening dihitamkan'],
      steps: [OBJECTION_STEP],
    },
    {
      name: 'refused on a Pasal 17 ground',
      notice: { decision: 'refused', exemptionGround: 'h', reason: 'Riwayat kesehatan pegawai.' },
      status: 'closed',
      facts: ['Keputusan: Ditolak', 'Dasar pengecualian: Pasal 17 huruf h UU 14/2008: informasi yang apabila dibuka mengungkap rahasia pribadi', 'Alasan: Riwayat kesehatan pegawai.'],
      steps: [OBJECTION_STEP],
    },
    {
      name: 'refused under another law (huruf j)',
      notice: { decision: 'refused', exemptionGround: 'j', exemptionLaw: 'UU 7/1971 tentang Kearsipan', reason: 'Arsip tertutup.' },
      status: 'closed',
      facts: [
        'Dasar pengecualian: Pasal 17 huruf j UU 14/2008: informasi yang apabila dibuka informasi yang tidak boleh diungkapkan berdasarkan undang-undang (UU 7/1971 tentang Kearsipan)',
      ],
      steps: [OBJECTION_STEP],
    },
    {
      name: 'not held, holder known',
      notice: { decision: 'not_held', informationHeld: false, holderBody: 'Badan Pertanahan Nasional' },
      status: 'closed',
      facts: ['Keputusan: Tidak dikuasai', 'Badan publik yang menguasai: Badan Pertanahan Nasional'],
      steps: ['Informasi ini tidak dikuasai badan publik ini. Anda dapat mengajukan permohonan kepada Badan Pertanahan Nasional.'],
    },
    {
      name: 'not held, holder unknown',
      notice: { decision: 'not_held', informationHeld: false },
      status: 'closed',
      facts: ['Badan publik yang menguasai: Tidak diketahui'],
      steps: ['Informasi ini tidak dikuasai badan publik ini, dan badan publik yang menguasainya tidak diketahui.'],
    },
    {
      name: 'not documented',
      notice: { decision: 'not_documented', reason: 'Data survei belum selesai diolah.' },
      status: 'closed',
      facts: ['Keputusan: Informasi belum didokumentasikan', 'Keterangan: Data survei belum selesai diolah.'],
      steps: ['Informasi ini belum didokumentasikan, sehingga belum dapat diberikan. Permohonan ini selesai.'],
      noSteps: [OBJECTION_STEP],
    },
  ];

  it.each(cases)('should put $name in words', ({ notice, status, facts, steps, noSteps }) => {
    const summary = decisionSummary({ ...blank, ...notice }, status);
    const factLines = summary.facts.map((f) => `${f.label}: ${f.value}`);
    expect(factLines).toEqual(expect.arrayContaining(facts));
    expect(summary.nextSteps).toEqual(expect.arrayContaining(steps));
    for (const absent of noSteps ?? []) expect(summary.nextSteps).not.toContain(absent);
    expect(summary.decision).toBe(notice.decision);
  });

  it('should tell the objection right with its 30 working days and the law', () => {
    expect(OBJECTION_STEP).toContain('keberatan');
    expect(OBJECTION_STEP).toContain('Atasan PPID');
    expect(OBJECTION_STEP).toContain('30 hari kerja');
    expect(OBJECTION_STEP).toContain('Pasal 35 dan 36');
  });
});

describe('openNextSteps', () => {
  it('should name the due date', () => {
    expect(openNextSteps('Senin, 14 Desember 2026 pukul 23.59 WIB')[0]).toBe(
      'Petugas PPID akan memberikan pemberitahuan tertulis paling lambat Senin, 14 Desember 2026 pukul 23.59 WIB.',
    );
  });
});
