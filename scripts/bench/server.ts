/**
 * The portal as the benchmarks run it: the production app (createApp) plus two routes that exist
 * only in this process: the baseline intake (the same JSON body stored with one INSERT … RETURNING
 * into bench_baseline, a table the benchmark creates) and the process's memory. It also records
 * the SQL of the queue's queries so the benchmark can EXPLAIN exactly what ran.
 * Settings come from the environment as for `npm start`; prints "ready <port>" when listening.
 */
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { createApp } from 'src/app';
import { loadConfig } from 'src/config/app-config';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  const db = app.get(DataSource);
  const recorded = new Map<string, { sql: string; params: unknown[] }>();
  const query = db.query.bind(db) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
  // Every argument passed on: the third is the query runner of a transaction.
  (db as unknown as { query: typeof query }).query = (sql: string, ...rest: unknown[]) => {
    if (sql.includes('FROM requests r') && sql.includes('ORDER BY r.due_date')) recorded.set('page', { sql, params: (rest[0] as unknown[]) ?? [] });
    else if ((sql.includes('FROM requests r') && sql.includes('count(*)')) || sql.includes('FROM request_queue_counts')) recorded.set('counts', { sql, params: (rest[0] as unknown[]) ?? [] });
    return query(sql, ...rest);
  };
  app.use('/api/bench/', (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'POST' && req.path === '/baseline') {
      db.query('INSERT INTO bench_baseline (body) VALUES ($1) RETURNING id', [JSON.stringify(req.body)]).then(
        (rows: { id: string }[]) => res.status(201).json({ id: rows[0].id }),
        next,
      );
      return;
    }
    if (req.method === 'GET' && req.path === '/memory') {
      res.json({ rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 });
      return;
    }
    if (req.method === 'GET' && req.path === '/queries') {
      res.json(Object.fromEntries(recorded));
      return;
    }
    next();
  });
  await app.init();
  await app.listen(config.port, '127.0.0.1');
  process.stdout.write(`ready ${config.port}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
