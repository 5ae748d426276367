import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
const db = await PGlite.create({});
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
await server.start();
const url = `postgres://postgres@${server.getServerConn()}/postgres`;
const pool = new pg.Pool({ connectionString: url, max: 1 });
pool.on('error', (e) => console.log('pool error', e.message));
const q = async (label, sql) => { try { const r = await pool.query(sql); console.log(label, 'ok', Array.isArray(r) ? r.map(x=>x.rows) : r.rows); } catch (e) { console.log(label, 'ERR', e.message); } };
await q('single err', 'SELECT 1/0');
await q('after single', 'SELECT 1 AS x');
await q('multi no begin', 'SELECT 1; SELECT 1/0; SELECT 2');
await q('after multi', 'SELECT 1 AS x');
await q('multi begin', 'BEGIN; SELECT 1/0; COMMIT;');
await q('after multi begin', 'SELECT 1 AS x');
await q('after2', 'SELECT 1 AS x');
const c = await pool.connect();
await c.query('BEGIN');
try { await c.query('SELECT 1/0'); } catch (e) { console.log('in tx', e.message); }
try { await c.query('SELECT 1'); } catch (e) { console.log('in tx after', e.message); }
await c.query('ROLLBACK'); c.release();
await q('after rollback', 'SELECT 1 AS x');
await q('multi begin 2', 'BEGIN; SELECT 1/0; COMMIT;');
await q('rollback', 'ROLLBACK');
await q('after rb', 'SELECT 1 AS x');
await pool.end(); await server.stop(); await db.close();
