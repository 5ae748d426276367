import request from 'supertest';
import { DataSource } from 'typeorm';
import { Actor } from 'src/common/auth/actor';
import { CalendarService } from 'src/modules/calendar';
import { JobQueue } from 'src/modules/jobs/job-queue.service';
import { QueueService } from 'src/modules/requests/workflow/queue.service';
import { MailRenderer } from 'src/modules/notifications/mail-renderer';
import { ESCALATION_QUEUE, REMINDER_SCHEDULES, ReminderJobs } from 'src/modules/reminders/reminder-jobs';
import { EnqueuedReminder, ReminderRun, RemindersService } from 'src/modules/reminders/reminders.service';
import { createPelaksanaUnit, createUser, TestUser, uniqueEmail } from 'test/support/auth-helpers';
import { requestPayload } from 'test/support/request-factory';
import { SmtpSink } from 'test/support/smtp-sink';
import { startTestApp, TestApp } from 'test/support/test-app';
import { waitFor } from 'test/support/wait-for';

const APP_URL = 'https://kip.example.test';
// Wednesday 10 March 2027. 2027 has no holidays in the seed, so due soon = due by Monday 15 March
// (three working days ahead) and overdue = due by Tuesday 9 March. Far from the wall clock, so
// nothing here is due soon or overdue for anything that runs at the real time.
const MORNING = new Date('2027-03-10T01:00:00Z'); // 08:00 WIB, the escalation run
const HOURLY = new Date('2027-03-10T02:00:00Z'); // 09:00 WIB, a due-soon run
const EVENING = new Date('2027-03-10T11:00:00Z'); // 18:00 WIB, the digest run

interface FiledRequest {
  id: string;
  number: string;
}

interface MailRow {
  requestId: string | null;
  recipient: string;
}

/** The text/plain part of a raw MIME message, decoded. */
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

/** The text between a section heading of the digest and the next heading (or the end). */
function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(`== ${heading}`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const next = text.indexOf('\n== ', start + 1);
  return text.slice(start, next < 0 ? undefined : next);
}

describe('reminders', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let reminders: RemindersService;
  const db = (): DataSource => t.app.get(DataSource);

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: sink.url, APP_URL, MAIL_FROM: 'PPID Uji <ppid@portal.test>', INTAKE_LIMIT_PER_IP_HOUR: '10000' });
    reminders = t.app.get(RemindersService);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  async function fileRequest(unitId: number): Promise<FiledRequest> {
    const res = await request(t.app.getHttpServer()).post('/api/v1/requests').send(requestPayload(unitId));
    expect(res.status).toBe(201);
    const [row] = (await db().query('SELECT id::text AS id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as {
      id: string;
    }[];
    return { id: row.id, number: res.body.registrationNumber as string };
  }

  /** Files a request over HTTP, then moves it where the test needs it. */
  async function requestDue(
    unitId: number,
    dueDate: string,
    opts: { assignee?: TestUser; status?: string; closed?: boolean } = {},
  ): Promise<FiledRequest> {
    const filed = await fileRequest(unitId);
    await db().query(
      `UPDATE requests SET due_date = $2::date, assignee_id = $3, status = $4, closed_at = CASE WHEN $5 THEN now() END WHERE id = $1`,
      [filed.id, dueDate, opts.assignee?.id ?? null, opts.status ?? 'received', opts.closed === true],
    );
    return filed;
  }

  async function setUnitEmail(unitId: number, email: string | null): Promise<void> {
    await db().query('UPDATE ppid_units SET email = $2 WHERE id = $1', [unitId, email]);
  }

  async function deactivate(user: TestUser): Promise<void> {
    await db().query('UPDATE users SET active = false WHERE id = $1', [user.id]);
  }

  async function mailsAbout(template: string, requests: FiledRequest[]): Promise<MailRow[]> {
    const rows = (await db().query(
      `SELECT request_id::text AS "requestId", recipient FROM outbound_mails WHERE template = $1 AND request_id = ANY($2::bigint[])`,
      [template, requests.map((r) => r.id)],
    )) as MailRow[];
    return sortMails(rows);
  }

  async function mailsTo(template: string, recipients: string[]): Promise<string[]> {
    const rows = (await db().query(`SELECT recipient FROM outbound_mails WHERE template = $1 AND recipient = ANY($2::text[])`, [
      template,
      recipients,
    ])) as { recipient: string }[];
    return rows.map((r) => r.recipient).sort();
  }

  function sortMails(rows: MailRow[]): MailRow[] {
    const key = (m: MailRow): string => `${m.requestId ?? ''}|${m.recipient}`;
    return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  }

  function about(run: ReminderRun, requests: FiledRequest[]): EnqueuedReminder[] {
    const ids = new Set(requests.map((r) => r.id));
    return run.enqueued.filter((e) => e.requestId !== null && ids.has(e.requestId));
  }

  describe('due soon', () => {
    it('should mail the assignee, or the unit when nobody active works the request, once per request and due date', async () => {
      const unit = await createPelaksanaUnit(t.app, '35.78');
      const unitEmail = uniqueEmail('ppid-pelaksana');
      await setUnitEmail(unit.id, unitEmail);
      const silentUnit = await createPelaksanaUnit(t.app, '35.78');
      const officer = await createUser(t.app, { role: 'officer', unitId: unit.id, name: 'Rina Petugas' });
      const leaver = await createUser(t.app, { role: 'officer', unitId: unit.id });
      await deactivate(leaver);

      const assigned = await requestDue(unit.id, '2027-03-12', { assignee: officer });
      const unassigned = await requestDue(unit.id, '2027-03-11');
      const leaversRequest = await requestDue(unit.id, '2027-03-15', { assignee: leaver, status: 'in_process' });
      const notYet = await requestDue(unit.id, '2027-03-16', { assignee: officer });
      const overdue = await requestDue(unit.id, '2027-03-09', { assignee: officer });
      const answered = await requestDue(unit.id, '2027-03-11', { assignee: officer, status: 'answered' });
      const closed = await requestDue(unit.id, '2027-03-11', { assignee: officer, status: 'closed', closed: true });
      const nowhere = await requestDue(silentUnit.id, '2027-03-11');
      const all = [assigned, unassigned, leaversRequest, notYet, overdue, answered, closed, nowhere];

      const first = await reminders.sendDueSoonReminders(HOURLY);
      await expect(mailsAbout('deadline_due_soon', all)).resolves.toEqual(
        sortMails([
          { requestId: assigned.id, recipient: officer.email },
          { requestId: unassigned.id, recipient: unitEmail },
          { requestId: leaversRequest.id, recipient: unitEmail },
        ]),
      );
      expect(first.unrouted).toBeGreaterThanOrEqual(1);
      expect(first.failed).toBe(0);

      const mine = about(first, [assigned])[0];
      const rendered = t.app.get(MailRenderer).render(mine.template, mine.data);
      expect(rendered.subject).toBe(
        `Segera jatuh tempo: pemberitahuan tertulis permohonan ${assigned.number} paling lambat Jumat, 12 Maret 2027`,
      );
      expect(rendered.text).toContain('Yth. Rina Petugas,');
      expect(rendered.text).toContain('ditugaskan kepada Anda');
      expect(rendered.text).toContain('(sisa 2 hari kerja)');
      expect(rendered.text).toContain(`${APP_URL}/petugas/permohonan/${assigned.id}`);
      const toUnit = about(first, [unassigned])[0];
      expect(t.app.get(MailRenderer).render(toUnit.template, toUnit.data).text).toContain('Mohon segera tugaskan petugas.');

      // The next hourly run, and a run later the same day: nothing new.
      const second = await reminders.sendDueSoonReminders(HOURLY);
      const third = await reminders.sendDueSoonReminders(new Date('2027-03-10T08:00:00Z'));
      expect(about(second, all)).toEqual([]);
      expect(about(third, all)).toEqual([]);
      await expect(mailsAbout('deadline_due_soon', all)).resolves.toHaveLength(3);
      const logged = (await db().query(
        `SELECT request_id::text AS id, to_char(sent_for_due_date, 'YYYY-MM-DD') AS due, recipients FROM reminder_log WHERE kind = 'due_soon' AND request_id = $1`,
        [assigned.id],
      )) as object[];
      expect(logged).toEqual([{ id: assigned.id, due: '2027-03-12', recipients: 1 }]);

      // An extension moves the due date: the new one earns its own reminder when it comes near.
      await db().query(`UPDATE requests SET due_date = '2027-03-15' WHERE id = $1`, [assigned.id]);
      const afterExtension = await reminders.sendDueSoonReminders(HOURLY);
      expect(about(afterExtension, all).map((e) => [e.requestId, e.to])).toEqual([[assigned.id, officer.email]]);
    });

    it('should send one reminder when two runs race (two instances, a retried job)', async () => {
      const unit = await createPelaksanaUnit(t.app, '35.78');
      const officer = await createUser(t.app, { role: 'officer', unitId: unit.id });
      const contested = await requestDue(unit.id, '2027-03-11', { assignee: officer });

      const runs = await Promise.all([reminders.sendDueSoonReminders(HOURLY), reminders.sendDueSoonReminders(HOURLY)]);
      expect(runs.flatMap((r) => about(r, [contested]))).toHaveLength(1);
      expect(runs.map((r) => r.failed)).toEqual([0, 0]);
      await expect(mailsAbout('deadline_due_soon', [contested])).resolves.toEqual([{ requestId: contested.id, recipient: officer.email }]);
    });

    it('should wait for the next working day', async () => {
      const unit = await createPelaksanaUnit(t.app, '35.78');
      const officer = await createUser(t.app, { role: 'officer', unitId: unit.id });
      const dueMonday = await requestDue(unit.id, '2027-03-15', { assignee: officer });

      const saturday = await reminders.sendDueSoonReminders(new Date('2027-03-13T02:00:00Z'));
      expect(about(saturday, [dueMonday])).toEqual([]);
      const monday = await reminders.sendDueSoonReminders(new Date('2027-03-15T00:00:00Z'));
      expect(about(monday, [dueMonday]).map((e) => e.to)).toEqual([officer.email]);
      expect(t.app.get(MailRenderer).render('deadline_due_soon', about(monday, [dueMonday])[0].data).text).toContain(
        '(jatuh tempo hari ini)',
      );
    });

    it('should record nothing when its mail cannot be enqueued, and send it on a later run once it can', async () => {
      const unit = await createPelaksanaUnit(t.app, '35.78');
      await setUnitEmail(unit.id, 'bukan alamat surel');
      const unassigned = await requestDue(unit.id, '2027-03-11');

      const failing = await reminders.sendDueSoonReminders(HOURLY);
      expect(failing.failed).toBeGreaterThanOrEqual(1);
      await expect(mailsAbout('deadline_due_soon', [unassigned])).resolves.toEqual([]);
      await expect(db().query('SELECT 1 FROM reminder_log WHERE request_id = $1', [unassigned.id])).resolves.toEqual([]);

      const fixed = uniqueEmail('ppid-pelaksana');
      await setUnitEmail(unit.id, fixed);
      const retried = await reminders.sendDueSoonReminders(HOURLY);
      expect(retried.failed).toBe(0);
      await expect(mailsAbout('deadline_due_soon', [unassigned])).resolves.toEqual([{ requestId: unassigned.id, recipient: fixed }]);
    });
  });

  describe('one calendar per body', () => {
    it("should give the queue and the reminders the same state when the body's own closure moves the due-soon bound", async () => {
      // Kota Kediri closes its offices on Thursday 11 and Friday 12 March 2027. On Wednesday 10 March
      // the national calendar says three working days ahead is Monday 15 March; the body's says Wednesday 17.
      const unit = await createPelaksanaUnit(t.app, '35.71');
      await db().query(
        `INSERT INTO holidays (date, name, kind, body_id, source)
         SELECT d::date, 'Penutupan kantor', 'closure', u.body_id, 'Surat Edaran Sekretaris Daerah'
           FROM ppid_units u, unnest(ARRAY['2027-03-11', '2027-03-12']) AS d WHERE u.id = $1`,
        [unit.id],
      );
      t.app.get(CalendarService).invalidate();
      const officer = await createUser(t.app, { role: 'officer', unitId: unit.id });
      const dueWednesday = await requestDue(unit.id, '2027-03-17', { assignee: officer });
      const dueThursday = await requestDue(unit.id, '2027-03-18', { assignee: officer });

      const run = await reminders.sendDueSoonReminders(HOURLY);
      expect(about(run, [dueWednesday, dueThursday]).map((e) => e.requestId)).toEqual([dueWednesday.id]);

      const actor: Actor = { userId: officer.id, name: 'Petugas', email: officer.email, role: 'officer', unitId: unit.id, bodyId: null };
      const queue = await t.app.get(QueueService).page(actor, { unitId: unit.id }, HOURLY);
      const states = Object.fromEntries(queue.items.map((i) => [i.id, i.state]));
      expect(states).toEqual({ [dueWednesday.id]: 'segera', [dueThursday.id]: 'aman' });
      expect(queue.counts).toMatchObject({ segera: 1, aman: 1, terlambat: 0 });
      const filtered = await t.app.get(QueueService).page(actor, { unitId: unit.id, state: 'segera' }, HOURLY);
      expect(filtered.items.map((i) => i.id)).toEqual([dueWednesday.id]);
    });
  });

  describe('nightly digest', () => {
    it('should send each active officer of a unit one digest with due-soon and overdue requests apart, once a day', async () => {
      const unit = await createPelaksanaUnit(t.app, '35.73', { name: 'PPID Pelaksana Dinas Kesehatan' });
      const rina = await createUser(t.app, { role: 'officer', unitId: unit.id, name: 'Rina Petugas' });
      const agus = await createUser(t.app, { role: 'officer', unitId: unit.id, name: 'Agus Petugas' });
      const gone = await createUser(t.app, { role: 'officer', unitId: unit.id });
      await deactivate(gone);
      const soon = await requestDue(unit.id, '2027-03-15', { assignee: rina });
      const today = await requestDue(unit.id, '2027-03-10', { status: 'in_process' });
      const late = await requestDue(unit.id, '2027-03-04', { assignee: agus });
      const safe = await requestDue(unit.id, '2027-03-22');
      const done = await requestDue(unit.id, '2027-03-03', { status: 'answered' });

      const quietUnit = await createPelaksanaUnit(t.app, '35.73');
      const quietOfficer = await createUser(t.app, { role: 'officer', unitId: quietUnit.id });
      await requestDue(quietUnit.id, '2027-03-25');
      const officers = [rina.email, agus.email, gone.email, quietOfficer.email];

      const run = await reminders.sendDigests(EVENING);
      await expect(mailsTo('unit_digest', officers)).resolves.toEqual([rina.email, agus.email].sort());
      const mine = run.enqueued.find((e) => e.to === rina.email);
      expect(mine).toMatchObject({ template: 'unit_digest', requestId: null, unitId: unit.id });
      const data = mine?.data as { dueSoon: { requestId: string; link: string }[]; overdue: { requestId: string }[]; recipientName: string };
      expect(data.dueSoon.map((l) => l.requestId)).toEqual([today.id, soon.id]);
      expect(data.overdue.map((l) => l.requestId)).toEqual([late.id]);
      expect(data.dueSoon[0].link).toBe(`${APP_URL}/petugas/permohonan/${today.id}`);
      expect(data.recipientName).toBe('Rina Petugas');

      const rendered = t.app.get(MailRenderer).render('unit_digest', mine?.data ?? {});
      expect(rendered.subject).toBe('Rekap harian PPID Pelaksana Dinas Kesehatan: 2 segera jatuh tempo, 1 terlambat (Rabu, 10 Maret 2027)');
      const dueSoonSection = sectionOf(rendered.text, 'Pemberitahuan tertulis segera jatuh tempo');
      const overdueSection = sectionOf(rendered.text, 'Terlambat');
      expect(dueSoonSection).toContain('Pemberitahuan tertulis segera jatuh tempo (2)');
      expect(dueSoonSection).toContain(`${today.number} | Dyah Ayu Pitaloka | batas Rabu, 10 Maret 2027 (jatuh tempo hari ini) | belum ditugaskan`);
      expect(dueSoonSection).toContain(`${soon.number} | Dyah Ayu Pitaloka | batas Senin, 15 Maret 2027 (sisa 3 hari kerja) | Rina Petugas`);
      expect(dueSoonSection).not.toContain(late.number);
      expect(overdueSection).toContain(`${late.number} | Dyah Ayu Pitaloka | batas Kamis, 4 Maret 2027 (terlambat 4 hari kerja) | Agus Petugas`);
      expect(overdueSection).toContain(`${APP_URL}/petugas/permohonan/${late.id}`);
      expect(overdueSection).not.toContain(soon.number);
      for (const absent of [safe, done]) expect(rendered.text).not.toContain(absent.number);
      expect(rendered.html).toContain('Pemberitahuan tertulis segera jatuh tempo (2)</h2>');
      expect(rendered.html).toContain(`href="${APP_URL}/petugas/permohonan/${late.id}"`);

      // The same night again (a retried job, another instance): nothing more.
      const again = await reminders.sendDigests(new Date('2027-03-10T11:30:00Z'));
      expect(again.enqueued.filter((e) => e.unitId === unit.id)).toEqual([]);
      await expect(mailsTo('unit_digest', officers)).resolves.toHaveLength(2);

      // What the officer receives over SMTP, sections and all.
      const [delivered] = await waitFor(() => {
        const got = sink.messages.filter((m) => m.envelopeTo.includes(rina.email) && m.subject.startsWith('Rekap harian'));
        return got.length > 0 ? got : null;
      }, 20_000);
      const text = plainTextOf(delivered.raw);
      expect(sectionOf(text, 'Pemberitahuan tertulis segera jatuh tempo')).toContain(soon.number);
      expect(sectionOf(text, 'Terlambat')).toContain(late.number);
      expect(sectionOf(text, 'Terlambat')).not.toContain(soon.number);
    });

    it('should send no digest to a unit with nothing due soon or overdue', async () => {
      const unit = await createPelaksanaUnit(t.app, '35.73');
      const officer = await createUser(t.app, { role: 'officer', unitId: unit.id });
      await setUnitEmail(unit.id, uniqueEmail('ppid-pelaksana'));
      await requestDue(unit.id, '2027-03-16', { assignee: officer });
      await requestDue(unit.id, '2027-02-01', { status: 'answered' });

      const run = await reminders.sendDigests(EVENING);
      expect(run.enqueued.filter((e) => e.unitId === unit.id)).toEqual([]);
      await expect(mailsTo('unit_digest', [officer.email])).resolves.toEqual([]);
    });
  });

  describe('escalation', () => {
    it('should tell each active atasan PPID of the body about an overdue request, once per due date', async () => {
      const unit = await createPelaksanaUnit(t.app, '35.15', { name: 'PPID Pelaksana Dinas Perhubungan' });
      const officer = await createUser(t.app, { role: 'officer', unitId: unit.id, name: 'Budi Petugas' });
      const atasan = await createUser(t.app, { role: 'supervisor', bodyId: unit.bodyId, name: 'Sri Atasan' });
      const wakil = await createUser(t.app, { role: 'supervisor', bodyId: unit.bodyId });
      const retired = await createUser(t.app, { role: 'supervisor', bodyId: unit.bodyId });
      await deactivate(retired);
      const elsewhere = await createPelaksanaUnit(t.app, '35.16');
      const otherBody = await createUser(t.app, { role: 'supervisor', bodyId: elsewhere.bodyId });

      const late = await requestDue(unit.id, '2027-03-05', { assignee: officer, status: 'in_process' });
      const dueToday = await requestDue(unit.id, '2027-03-10');
      const answeredLate = await requestDue(unit.id, '2027-03-01', { status: 'answered' });
      const closedLate = await requestDue(unit.id, '2027-03-01', { status: 'closed', closed: true });
      const all = [late, dueToday, answeredLate, closedLate];

      const run = await reminders.sendEscalations(MORNING);
      await expect(mailsAbout('deadline_escalation', all)).resolves.toEqual(
        sortMails([
          { requestId: late.id, recipient: atasan.email },
          { requestId: late.id, recipient: wakil.email },
        ]),
      );
      await expect(mailsTo('deadline_escalation', [retired.email, otherBody.email])).resolves.toEqual([]);

      const toAtasan = about(run, [late]).find((e) => e.to === atasan.email);
      const rendered = t.app.get(MailRenderer).render('deadline_escalation', toAtasan?.data ?? {});
      expect(rendered.subject).toBe(`Eskalasi: permohonan ${late.number} terlambat 3 hari kerja (PPID Pelaksana Dinas Perhubungan)`);
      expect(rendered.text).toContain('Yth. Sri Atasan,');
      expect(rendered.text).toContain('Unit PPID         : PPID Pelaksana Dinas Perhubungan');
      expect(rendered.text).toContain('Petugas           : Budi Petugas');
      expect(rendered.text).toContain('Batas waktu       : Jumat, 5 Maret 2027');
      expect(rendered.text).toContain('Keterlambatan     : 3 hari kerja (5 hari kalender) per Rabu, 10 Maret 2027');
      expect(rendered.text).toContain(`${APP_URL}/petugas/permohonan/${late.id}`);

      // Later the same morning (a retried job, another instance): nothing more.
      const again = await reminders.sendEscalations(new Date('2027-03-10T03:00:00Z'));
      expect(about(again, all)).toEqual([]);
      await expect(mailsAbout('deadline_escalation', all)).resolves.toHaveLength(2);

      // The next morning the request due yesterday is overdue too; the first is not escalated again.
      const nextDay = await reminders.sendEscalations(new Date('2027-03-11T01:00:00Z'));
      expect(about(nextDay, all).map((e) => [e.requestId, e.to]).sort()).toEqual(
        [
          [dueToday.id, atasan.email],
          [dueToday.id, wakil.email],
        ].sort(),
      );

      // Extended after all, and overdue again on the new date: escalated again, once.
      await db().query(`UPDATE requests SET due_date = '2027-03-11' WHERE id = $1`, [late.id]);
      const afterExtension = await reminders.sendEscalations(new Date('2027-03-12T01:00:00Z'));
      expect(about(afterExtension, all).map((e) => [e.requestId, e.to]).sort()).toEqual(
        [
          [late.id, atasan.email],
          [late.id, wakil.email],
        ].sort(),
      );
      expect(about(await reminders.sendEscalations(new Date('2027-03-15T01:00:00Z')), all)).toEqual([]);
      await expect(mailsAbout('deadline_escalation', all)).resolves.toHaveLength(6);
    });

    it('should run as a job of its queue at the clock the job carries', async () => {
      const unit = await createPelaksanaUnit(t.app, '35.15');
      const atasan = await createUser(t.app, { role: 'supervisor', bodyId: unit.bodyId });
      const late = await requestDue(unit.id, '2027-03-08');

      await t.app.get(JobQueue).send(ESCALATION_QUEUE, { asOf: MORNING.toISOString() });
      const rows = await waitFor(async () => {
        const found = await mailsAbout('deadline_escalation', [late]);
        return found.some((m) => m.recipient === atasan.email) ? found : null;
      }, 15_000);
      expect(rows.filter((m) => m.recipient === atasan.email)).toHaveLength(1);
    });
  });

  describe('schedules', () => {
    it('should store the cron schedules in WIB', async () => {
      await t.app.get(ReminderJobs).applySchedules();
      try {
        const rows = (await db().query(`SELECT name, cron, timezone FROM pgboss.schedule WHERE name LIKE 'reminders.%' ORDER BY name`)) as object[];
        expect(rows).toEqual([
          { name: 'reminders.digest', cron: '0 18 * * 1-5', timezone: 'Asia/Jakarta' },
          { name: 'reminders.dip-berkala', cron: '30 7 * * 1-5', timezone: 'Asia/Jakarta' },
          { name: 'reminders.dip-exemptions', cron: '5 0 * * *', timezone: 'Asia/Jakarta' },
          { name: 'reminders.due-soon', cron: '0 7-16 * * 1-5', timezone: 'Asia/Jakarta' },
          { name: 'reminders.escalation', cron: '0 8 * * 1-5', timezone: 'Asia/Jakarta' },
        ]);
      } finally {
        for (const s of REMINDER_SCHEDULES) await t.app.get(JobQueue).unschedule(s.queue);
      }
    });
  });
});
