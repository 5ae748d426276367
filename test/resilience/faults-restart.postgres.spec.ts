import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { utamaUnitOf } from 'test/support/auth-helpers';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';
import { waitFor } from 'test/support/wait-for';

const run = promisify(execFile);

/** Restarts this machine's PostgreSQL cluster (the one TEST_DATABASE_URL points at). */
async function restartPostgres(): Promise<void> {
  const host = new URL(process.env.TEST_DATABASE_URL as string).hostname;
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new Error(`will restart only a local PostgreSQL, not ${host}`);
  const [version] = readdirSync('/etc/postgresql');
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart', '-m', 'fast']);
}

/** The app's error lines, so a failure says which error escaped as a 500. */
class ErrorLines extends Writable {
  lines: string[] = [];

  override _write(chunk: Buffer | string, _encoding: string, done: () => void): void {
    for (const line of chunk.toString().split('\n')) if (line.includes('"level":50')) this.lines.push(line);
    done();
  }
}

interface Submission {
  key: string;
  body: Record<string, unknown>;
  status: number;
  number?: string;
}

/**
 * PostgreSQL restarts while citizens submit: each submission is either committed whole (201) or
 * answered with a clear 503, nothing is half-written, and the app serves again by itself.
 */
describe('PostgreSQL restarted during a load of submissions', () => {
  let t: TestApp;
  const errors = new ErrorLines();

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '100000', INTAKE_LIMIT_PER_EMAIL_DAY: '100000', LOG_LEVEL: 'error' }, { logDestination: errors });
  });
  afterAll(async () => {
    await waitFor(async () => (await request(t.app.getHttpServer()).get('/health')).status === 200, 30_000, 500).catch(() => undefined);
    await t?.close();
  });

  it('should commit each submission whole or answer 503, and recover without a restart', async () => {
    const server = t.app.getHttpServer();
    const units = [(await utamaUnitOf(t.app, '35.78')).id, (await utamaUnitOf(t.app, '35.07')).id];
    const submissions: Submission[] = [];
    const submit = async (s: Submission): Promise<void> => {
      const res = await request(server).post('/api/v1/requests').set('Idempotency-Key', s.key).send(s.body).timeout(30_000);
      s.status = res.status;
      if (res.status === 201) s.number = res.body.registrationNumber as string;
    };

    // Six clients submitting one after another for about eight seconds; the restart in the middle.
    const until = Date.now() + 8_000;
    const client = async (i: number): Promise<void> => {
      while (Date.now() < until) {
        const s: Submission = { key: randomUUID(), body: requestPayload(units[i % units.length]), status: 0 };
        submissions.push(s);
        await submit(s).catch(() => {
          s.status = -1;
        });
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, (_, i) => client(i)));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await restartPostgres();
    await load;

    const statuses = new Set(submissions.map((s) => s.status));
    expect({ statuses: [...statuses].filter((s) => s !== 201 && s !== 503), errors: errors.lines.slice(0, 3) }).toEqual({ statuses: [], errors: [] });
    expect(submissions.filter((s) => s.status === 201).length).toBeGreaterThan(0);

    // Serving again by itself.
    await waitFor(async () => (await request(server).get('/health')).status === 200, 30_000, 500);
    // Each refused submission sent again with its key: either it had committed after all (the same
    // number comes back) or it registers now; never twice.
    for (const s of submissions.filter((x) => x.status !== 201)) await submit(s);
    expect(submissions.filter((s) => s.status !== 201)).toEqual([]);

    const db = t.app.get(DataSource);
    const rows = (await db.query(
      `SELECT r.registration_number AS number, r.receiving_unit_id AS unit, r.registration_seq AS seq,
              (SELECT count(*)::int FROM request_events e WHERE e.request_id = r.id) AS events,
              (SELECT count(*)::int FROM outbound_mails m WHERE m.request_id = r.id) AS mails
         FROM requests r ORDER BY r.receiving_unit_id, r.registration_seq`,
    )) as { number: string; unit: number; seq: number; events: number; mails: number }[];
    expect(rows.map((r) => r.number).sort()).toEqual(submissions.map((s) => s.number as string).sort());
    for (const r of rows) expect({ number: r.number, events: r.events, mails: r.mails }).toEqual({ number: r.number, events: 1, mails: 1 });
    for (const unit of units) {
      const seqs = rows.filter((r) => r.unit === unit).map((r) => Number(r.seq));
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
  }, 180_000);
});
