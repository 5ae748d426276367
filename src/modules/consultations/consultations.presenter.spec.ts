import { Consultation } from './consultation.entity';
import { maskEmail, maskName, presentDeskItem, presentFaq, presentOfficerConsultation } from './consultations.presenter';
import type { ConsultationRecord } from './consultations.service';

function record(overrides: Partial<Consultation> = {}): ConsultationRecord {
  const consultation = Object.assign(new Consultation(), {
    id: '7',
    number: '3578-KON-2026-00007',
    bodyId: 1,
    unitId: 2,
    question: 'Di mana jadwal posyandu diumumkan?',
    faqConsent: true,
    receivedAt: new Date('2026-01-13T03:00:00Z'),
    effectiveReceiptDate: '2026-01-13',
    dueDate: '2026-01-16',
    dueProvisional: false,
    status: 'open',
    answer: null,
    answeredAt: null,
    faqQuestion: null,
    faqPublishedAt: null,
    requestNumber: null,
    ...overrides,
  });
  return {
    consultation,
    names: { unitName: 'PPID Utama Kota Surabaya', bodyName: 'Pemerintah Kota Surabaya', bodyCode: '3578', timeZone: 'Asia/Jakarta' },
    askerName: 'Dyah Ayu Pitaloka',
    askerEmail: 'dyah.ayu@contoh.id',
  };
}

describe('consultations presenter', () => {
  it('should mask names to initials and e-mails to their first letter and domain', () => {
    expect(maskName('Dyah Ayu Pitaloka')).toBe('D*** A*** P***');
    expect(maskName('  ')).toBe('***');
    expect(maskEmail('dyah.ayu@contoh.id')).toBe('d***@contoh.id');
    expect(maskEmail('tanpa-at')).toBe('***');
  });

  it('should show the asker’s name only to those who see the asker, and never the e-mail in a list', () => {
    const now = new Date('2026-01-14T03:00:00Z');
    expect(presentDeskItem(record(), now, true)).toMatchObject({ askerName: 'Dyah Ayu Pitaloka', askerEmailMasked: 'd***@contoh.id', state: 'aman', overdue: false });
    expect(presentDeskItem(record(), now, false).askerName).toBe('D*** A*** P***');
    expect(JSON.stringify(presentDeskItem(record(), now, true))).not.toContain('dyah.ayu@contoh.id');
    expect(presentOfficerConsultation(record(), now, true).askerEmail).toBe('dyah.ayu@contoh.id');
    expect(presentOfficerConsultation(record(), now, false).askerEmail).toBe('d***@contoh.id');
  });

  it('should mark an open consultation past its due date overdue, on the local date', () => {
    // 06:00 WIB on 17 January: the day after the due date, though still 16 January in UTC.
    const item = presentDeskItem(record(), new Date('2026-01-16T23:00:00Z'), true);
    expect(item).toMatchObject({ state: 'terlambat', overdue: true, stateLabel: 'terlambat' });
    expect(presentDeskItem(record({ status: 'answered', answer: 'Sudah.', answeredAt: new Date('2026-01-20T03:00:00Z') }), new Date('2026-01-21T03:00:00Z'), true).overdue).toBe(false);
  });

  it('should put only question, answer, unit, number and dates in a FAQ entry', () => {
    const faq = presentFaq(
      {
        body: { code: '35.78', name: 'Pemerintah Kota Surabaya', regionName: 'Kota Surabaya', kind: 'kota', units: [] },
        entries: [{ number: '3578-KON-2026-00007', unitId: 2, unitName: 'PPID Utama Kota Surabaya', question: 'Q?', answer: 'A.', answeredAt: new Date('2026-01-13T17:30:00Z'), publishedAt: new Date('2026-01-14T03:00:00Z') }],
      },
      'Asia/Jakarta',
    );
    expect(faq.entries).toEqual([{ number: '3578-KON-2026-00007', unitName: 'PPID Utama Kota Surabaya', question: 'Q?', answer: 'A.', answeredOn: '2026-01-14', answeredOnText: 'Rabu, 14 Januari 2026' }]);
  });
});
