import type { ObjectionRegisterRow } from 'src/modules/objections';
import { buildObjectionEntry, disputeOutcomeText, objectionCells, OBJECTION_COLUMNS, requesterResponseText } from './objection-register';

const row: ObjectionRegisterRow = {
  id: '7',
  number: '3578-KEB-2026-00007',
  bodyId: 1,
  unitId: 2,
  unitName: 'PPID Utama Kota Surabaya',
  receivingUnitId: 2,
  // 23:30 WIB on 1 December is still 1 December in Jakarta, already the 2nd in UTC+8.
  receivedAt: new Date('2026-12-01T16:30:00Z'),
  requestId: '11',
  registrationNumber: '3578-U-2026-00011',
  requesterName: 'Dyah Ayu Pitaloka',
  requesterAddress: Buffer.from('sealed'),
  proxyName: 'Lembaga Bantuan Hukum',
  proxyAddress: Buffer.from('sealed'),
  information: 'APBD 2025',
  purpose: 'Penelitian',
  grounds: ['d', 'a'],
  dueDate: '2027-01-14',
  status: 'upheld',
  decisionReasons: 'Dikecualikan.',
  instruction: null,
  responseDate: '2027-01-15',
  responseNumber: '001/TKB/3578/2027',
  deciderName: 'Bambang',
  deciderPosition: 'Sekretaris Daerah',
  disputes: [
    { caseNumber: '012/KIP', filedOn: '2027-01-20', stage: 'mediasi', outcome: null, outcomeOn: null },
    { caseNumber: '013/KIP', filedOn: '2027-01-21', stage: 'putusan', outcome: 'opened', outcomeOn: '2027-03-01' },
  ],
};

describe('register keberatan entries', () => {
  it('should show the kuasa and their address to those who may see personal data', () => {
    const e = buildObjectionEntry(row, { requesterAddress: 'Jl. Pemuda 17', proxyAddress: 'Jl. Kidal 6' }, 'Asia/Jakarta');
    expect(e).toMatchObject({
      receivedDate: '2026-12-01',
      personalShown: true,
      requesterName: 'Dyah Ayu Pitaloka',
      proxyName: 'Lembaga Bantuan Hukum',
      objectorAddress: 'Jl. Kidal 6',
      grounds: ['a', 'd'],
      answeredInTime: false,
    });
    expect(buildObjectionEntry({ ...row, proxyName: null }, { requesterAddress: 'Jl. Pemuda 17', proxyAddress: null }, 'Asia/Jakarta').objectorAddress).toBe('Jl. Pemuda 17');
  });

  it('should mask names to initials and leave the address out for everyone else', () => {
    const e = buildObjectionEntry(row, null, 'Asia/Makassar');
    expect(e).toMatchObject({ receivedDate: '2026-12-02', personalShown: false, requesterName: 'D*** A*** P***', proxyName: 'L*** B*** H***', objectorAddress: null });
    const cells = objectionCells(e);
    expect(cells[OBJECTION_COLUMNS.findIndex((c) => c.key === 'alamat')]).toBe('(disamarkan)');
    expect(cells[OBJECTION_COLUMNS.findIndex((c) => c.key === 'alasan')]).toBe('Huruf a, d');
    expect(cells[OBJECTION_COLUMNS.findIndex((c) => c.key === 'tepat_waktu')]).toBe('Tidak');
  });

  it('should describe each dispute filed and where it stands', () => {
    const e = buildObjectionEntry(row, null, 'Asia/Jakarta');
    expect(requesterResponseText(e)).toBe('Sengketa ke Komisi Informasi 20-01-2027, nomor 012/KIP; Sengketa ke Komisi Informasi 21-01-2027, nomor 013/KIP');
    expect(disputeOutcomeText(e)).toBe('Mediasi; Putusan: Informasi dinyatakan terbuka (permohonan dikabulkan) (01-03-2027)');
    const none = buildObjectionEntry({ ...row, disputes: [], status: 'pending', responseDate: null }, null, 'Asia/Jakarta');
    expect([requesterResponseText(none), disputeOutcomeText(none), none.answeredInTime]).toEqual([null, null, null]);
  });
});
