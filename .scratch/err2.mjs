import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
const db = await PGlite.create({});
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
await server.start();
const url = `postgres://postgres@${server.getServerConn()}/postgres`;
const pool = new pg.Pool({ connectionString: url, max: 1 });
pool.on('error', (e) => console.log('pool error', e.message));
const q = async (label, sql, v) => { try { const r = await pool.query(sql, v); console.log(label, 'ok', r.rows); } catch (e) { console.log(label, 'ERR', e.message); } };
await q('ext err', 'SELECT 1/$1::int', [0]);
await q('after ext', 'SELECT 1 AS x');
await q('after ext2', 'SELECT $1::int AS x', [2]);
await q('single err', 'SELECT 1/0');
await q('after single ext', 'SELECT $1::int AS x', [2]);
await q('after single ext2', 'SELECT $1::int AS x', [3]);
const c = await pool.connect();
c.on('error', (e) => console.log('client error', e.message));
try { await c.query('SELECT 1/0'); } catch (e) { console.log('c err', e.message); }
await new Promise(r => setTimeout(r, 200));
try { console.log((await c.query('SELECT 5 as y')).rows); } catch (e) { console.log('c after', e.message); }
c.release();
await pool.end(); await server.stop(); await db.close();
