import { WorkingDayCalendar } from 'src/modules/calendar';
import type { PpidUnit } from 'src/modules/bodies';
import type { InformationRequest } from 'src/modules/requests';
import { Dispute } from './dispute.entity';
import { Objection } from './objection.entity';
import { disputeWindow } from './objection-rules';
import { presentObjection, presentRequesterObjections } from './objections.presenter';
import { ObjectionRecord } from './objections.service';

const calendar = WorkingDayCalendar.build({ nonWorkingDays: ['2026-03-20'], confirmedYears: [2026] });
const unit = { timeZone: 'Asia/Jakarta' } as PpidUnit;
const request = { registrationNumber: '3578-U-2026-00001' } as InformationRequest;

function objection(patch: Partial<Objection> = {}): Objection {
  return Object.assign(new Objection(), {
    id: '7',
    number: '3578-KEB-2026-00001',
    grounds: ['a'],
    reasons: 'Informasi anggaran bukan rahasia pribadi.',
    proxyName: null,
    receivedAt: new Date('2026-03-02T03:00:00Z'),
    effectiveReceiptDate: '2026-03-02',
    dueDate: '2026-04-14',
    dueProvisional: false,
    status: 'pending',
    decidedAt: null,
    responseDate: null,
    decisionReasons: null,
    instruction: null,
    responseNumber: null,
    deciderName: null,
    deciderPosition: null,
    ...patch,
  });
}

function record(o: Objection, today: string, dispute: Dispute | null = null): ObjectionRecord {
  return { objection: o, request, unit, calendar, today, dispute, disputeWindow: disputeWindow(o, today, calendar) };
}

describe('objections presenter', () => {
  it('should show a pending objection with its due date and no dispute window yet', () => {
    const view = presentObjection(record(objection(), '2026-03-10'));
    expect(view).toMatchObject({
      objectionNumber: '3578-KEB-2026-00001',
      registrationNumber: '3578-U-2026-00001',
      statusLabel: 'Menunggu tanggapan Atasan PPID',
      dueDateText: 'Selasa, 14 April 2026',
      overdue: false,
      decision: null,
      disputeWindow: null,
      grounds: [{ ground: 'a', text: expect.stringMatching(/^penolakan/) }],
    });
  });

  it('should say the atasan did not answer in time and open the dispute window from the end of the 30 days', () => {
    const view = presentObjection(record(objection(), '2026-04-15'));
    expect(view.statusLabel).toBe('Tidak ditanggapi dalam 30 hari kerja');
    expect(view.overdue).toBe(true);
    expect(view.disputeWindow).toMatchObject({ from: '2026-04-14', basis: 'no_answer', open: true });
  });

  it("should show the answer, the KI's dates, and flag a dispute filed after the 14 working days", () => {
    const decided = objection({
      status: 'upheld',
      decidedAt: new Date('2026-03-11T03:00:00Z'),
      responseDate: '2026-03-11',
      decisionReasons: 'Dikecualikan.',
      responseNumber: '001/TKB/3578/2026',
      deciderName: 'Bambang',
      deciderPosition: 'Sekretaris Daerah',
    });
    const dispute = Object.assign(new Dispute(), {
      id: '3',
      objectionId: '7',
      filedOn: '2026-04-02',
      caseNumber: '012/KIP/2026',
      stage: 'registered',
      outcome: null,
      outcomeOn: null,
      stages: [{ stage: 'registered', on: '2026-04-02', by: 'requester' }],
    });
    const view = presentObjection(record(decided, '2026-04-03', dispute));
    expect(view.decision).toMatchObject({ label: 'Keputusan PPID dikuatkan', responseDateText: 'Rabu, 11 Maret 2026', reasons: 'Dikecualikan.' });
    // 14 working days after 11 March, past the holiday of 20 March: 1 April; filed 2 April is late.
    expect(view.disputeWindow).toMatchObject({ lastDay: '2026-04-01', open: false });
    expect(view.dispute).toMatchObject({ filedLate: true, stageLabel: 'Terdaftar di Komisi Informasi', kiStartBy: '2026-04-22', stages: [{ by: 'Pemohon' }] });
  });

  it('should offer the form only when grounds are open and nothing is pending', () => {
    const base = { records: [], pending: false, eligibleGrounds: [] as ('a' | 'd')[] };
    expect(presentRequesterObjections(base).canFile).toBe(false);
    expect(presentRequesterObjections({ ...base, eligibleGrounds: ['a', 'd'] })).toMatchObject({ canFile: true, eligibleGrounds: [{ ground: 'a' }, { ground: 'd' }] });
    expect(presentRequesterObjections({ ...base, pending: true, eligibleGrounds: ['a'] }).canFile).toBe(false);
  });
});
