import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import PgBoss from 'pg-boss';

const db = await PGlite.create({});
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
await server.start();
const url = `postgres://postgres@${server.getServerConn()}/postgres`;
const pool = new pg.Pool({ connectionString: url, max: 1 });
const boss = new PgBoss({ db: { executeSql: (t, v) => pool.query(t, v) }, pollingIntervalSeconds: 0.5 });
boss.on('error', (e) => console.log('boss error', e.message));
let t = Date.now();
await boss.start();
console.log('started', Date.now() - t);
await boss.createQueue('q1', { retryLimit: 3, retryDelay: 1, retryBackoff: true });
console.log('queue created');
// in transaction
const client = await pool.connect();
await client.query('BEGIN');
const id = await boss.send('q1', { a: 1 }, { db: { executeSql: (t, v) => client.query(t, v) } });
console.log('sent in tx', id);
await client.query('ROLLBACK');
client.release();
const c2 = await pool.connect();
await c2.query('BEGIN');
const id2 = await boss.send('q1', { a: 2 }, { db: { executeSql: (t, v) => c2.query(t, v) } });
await c2.query('COMMIT');
c2.release();
console.log('sent committed', id2);
let n = 0;
await boss.work('q1', async ([job]) => { n++; console.log('got', job.id, job.data, n); if (n < 2) throw new Error('fail once'); });
await new Promise((r) => setTimeout(r, 5000));
console.log((await pool.query("select name, state, retry_count, data from pgboss.job")).rows);
// failure in locked script
try { await pool.query(`BEGIN; SELECT 1; SELECT 1/0; COMMIT;`); } catch (e) { console.log('err', e.message); }
try { console.log((await pool.query('select 1 as x')).rows); } catch (e) { console.log('after err', e.message); }
await boss.schedule('q1', '* * * * *', { s: 1 });
console.log(await boss.getSchedules());
await boss.stop({ graceful: true, wait: true, timeout: 2000 });
await pool.end();
await server.stop();
await db.close();
console.log('done');
