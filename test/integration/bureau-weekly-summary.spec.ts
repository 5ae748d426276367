import { DataSource } from 'typeorm';
import { JobQueue } from 'src/modules/jobs/job-queue.service';
import { WEEKLY_SUMMARY_QUEUE } from 'src/modules/scorecards/bureau-summary-jobs';
import { BureauSummaryService } from 'src/modules/scorecards/bureau-summary.service';
import { createUser, utamaUnitOf } from 'test/support/auth-helpers';
import { SmtpSink } from 'test/support/smtp-sink';
import { startTestApp, TestApp } from 'test/support/test-app';
import { pause, waitFor } from 'test/support/wait-for';

const APP_URL = 'https://kip.example.test';
// Monday 24 February 2025, 07:00 WIB: the week of 17–23 February against 10–16 February (no holidays).
const MONDAY = '2025-02-24T00:00:00Z';

let seq = 0;

async function insertRequest(db: DataSource, unit: { id: number; bodyId: number }, receivedOn: string, due: string, noticeOn: string | null): Promise<void> {
  seq += 1;
  await db.query(
    `INSERT INTO requests (registration_number, receiving_unit_id, registration_year, registration_seq, unit_id, body_id, channel, status,
        decision, requester_type, requester_name, requester_address, information, purpose, obtain_method, received_at,
        effective_receipt_date, due_date, due_provisional, version, answered_at)
     VALUES ($1, $2, 2025, $3, $2, $4, 'online', $5, $6, 'individual', 'Pemohon Rahasia', '\\x00', 'Informasi uji', 'Uji', 'copy_soft',
        $7, $8, $9, false, 1, $10)`,
    [`PEKAN-${seq}`, unit.id, seq, unit.bodyId, noticeOn ? 'answered' : 'in_process', noticeOn ? 'granted' : null, `${receivedOn}T03:00:00Z`, receivedOn, due, noticeOn ? `${noticeOn}T03:00:00Z` : null],
  );
}

/** The text/plain part of a raw message (quoted-printable or base64 decoded). */
function plainTextOf(raw: string): string {
  const normalized = raw.replace(/\r\n/g, '\n');
  for (const part of normalized.split(/\n--[^\n]+\n/)) {
    const end = part.indexOf('\n\n');
    if (end < 0) continue;
    const headers = part.slice(0, end).replace(/\n[ \t]+/g, ' ').toLowerCase();
    if (!/content-type:\s*text\/plain/.test(headers)) continue;
    const body = part.slice(end + 2);
    if (/content-transfer-encoding:\s*base64/.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/content-transfer-encoding:\s*quoted-printable/.test(headers)) {
      const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m: string, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    return body;
  }
  throw new Error('no text/plain part in the message');
}

describe('weekly summary mail to the bureau', () => {
  let sink: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: sink.url, APP_URL, MAIL_FROM: 'PPID Uji <ppid@portal.test>' });
    const db = t.app.get(DataSource);
    const surabaya = await utamaUnitOf(t.app, '35.78');
    await insertRequest(db, surabaya, '2025-02-03', '2025-02-17', null); // became overdue on 18 February
    await insertRequest(db, surabaya, '2025-01-20', '2025-02-03', null); // overdue 15 working days on the 24th
    await insertRequest(db, surabaya, '2025-02-11', '2025-02-25', '2025-02-12'); // the week before, on time
    await insertRequest(db, surabaya, '2025-02-11', '2025-02-25', '2025-02-12');
    await insertRequest(db, surabaya, '2025-02-18', '2025-03-04', '2025-02-19'); // this week, on time
    await insertRequest(db, surabaya, '2025-02-18', '2025-03-04', null);
    await insertRequest(db, surabaya, '2025-02-18', '2025-03-04', null);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('should mail each active bureau account the week against the one before, once per week', async () => {
    const bureau = await createUser(t.app, { role: 'bureau', name: 'Kepala Bidang IKP' });
    const inactive = await createUser(t.app, { role: 'bureau' });
    await t.app.get(DataSource).query('UPDATE users SET active = false WHERE id = $1', [inactive.id]);

    await t.app.get(JobQueue).send(WEEKLY_SUMMARY_QUEUE, { asOf: MONDAY });
    const mail = await waitFor(() => sink.messages.find((m) => m.envelopeTo.includes(bureau.email)), 30_000);
    expect(mail.subject).toBe('Ringkasan mingguan layanan informasi 17 Februari 2025 – 23 Februari 2025: 3 permohonan, 1 baru terlambat');
    const text = plainTextOf(mail.raw);
    expect(text).toContain('Yth. Kepala Bidang IKP,');
    expect(text).toContain('- Permohonan diterima: 3 (pekan sebelumnya 2; naik 1)');
    expect(text).toContain('- Pemberitahuan tepat waktu: 100,0% (1 dari 1) (pekan sebelumnya 100,0% (2 dari 2))');
    expect(text).toContain('- Terlambat tanpa pemberitahuan pada akhir pekan: 2 (pekan sebelumnya 1; naik 1)');
    expect(text).toContain('== Badan publik dengan permohonan yang baru terlambat (1) ==\n- Pemerintah Kota Surabaya: 1');
    expect(text).toContain(`${APP_URL}/biro/permohonan?badan=35.78&dari=2025-02-17&sampai=2025-02-23&metrik=becameOverdue`);
    expect(text).toMatch(/lebih dari 10 hari kerja tanpa pemberitahuan tertulis:\n- Pemerintah Kota Surabaya: 1\n/);
    expect(text).toContain(`${APP_URL}/biro`);
    expect(text).not.toContain('Pemohon Rahasia');
    expect(sink.messages.filter((m) => m.envelopeTo.includes(inactive.email))).toHaveLength(0);

    // The same week again: nothing more is sent.
    const again = await t.app.get(BureauSummaryService).sendWeekly(new Date(MONDAY));
    expect(again.sent).toEqual([]);
    await pause(1000);
    expect(sink.messages.filter((m) => m.envelopeTo.includes(bureau.email))).toHaveLength(1);
    // The next week is a new summary.
    const next = await t.app.get(BureauSummaryService).sendWeekly(new Date('2025-03-03T00:00:00Z'));
    expect(next).toMatchObject({ weekStart: '2025-02-24', sent: [bureau.email], failed: 0 });
  }, 60_000);
});

describe("weekly summary mail: the leader's-call threshold as a setting", () => {
  let sink: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: sink.url, APP_URL, MAIL_FROM: 'PPID Uji <ppid@portal.test>', BUREAU_LEADER_CALL_WORKING_DAYS: '4' });
    const db = t.app.get(DataSource);
    const surabaya = await utamaUnitOf(t.app, '35.78');
    await insertRequest(db, surabaya, '2025-02-03', '2025-02-17', null); // overdue 5 working days on the 24th
    await insertRequest(db, surabaya, '2025-01-20', '2025-02-03', null); // overdue 15 working days on the 24th
    await insertRequest(db, surabaya, '2025-02-18', '2025-03-04', null); // not yet due
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('should list the requests overdue by more than BUREAU_LEADER_CALL_WORKING_DAYS and state the number in the mail', async () => {
    const bureau = await createUser(t.app, { role: 'bureau' });
    const result = await t.app.get(BureauSummaryService).sendWeekly(new Date(MONDAY));
    expect(result.sent).toContain(bureau.email);
    const mail = await waitFor(() => sink.messages.find((m) => m.envelopeTo.includes(bureau.email)), 30_000);
    const text = plainTextOf(mail.raw);
    // With 4 working days, the request 5 working days late needs a leader's call too.
    expect(text).toMatch(/lebih dari 4 hari kerja tanpa pemberitahuan tertulis:\n- Pemerintah Kota Surabaya: 2\n/);
    expect(text).not.toContain('lebih dari 10 hari kerja');
  }, 60_000);
});
