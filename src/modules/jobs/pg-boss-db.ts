import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseError, Pool, PoolClient, QueryResult } from 'pg';
import { EntityManager, QueryRunnerAlreadyReleasedError } from 'typeorm';

/** What pg-boss calls to run SQL (its `db` option): the text, and values when parameterised. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<QueryResult>;
}

/**
 * pg-boss on the shared pool. Not `pool.query`: on an SQL error that releases the connection as
 * broken, and on the embedded database the socket server accepts a new one only a moment after
 * the old one is gone, so the next query of the whole app fails. Here the connection goes back to
 * the pool unless the socket itself failed; a failed script of pg-boss's (BEGIN … COMMIT in one
 * string) leaves its transaction open and aborted, so it is rolled back first.
 * Keeps count of the queries in flight, so shutdown can wait for them before the pool closes.
 */
export class PoolSqlExecutor implements SqlExecutor {
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Queries waiting for a connection: pg-pool abandons its waiters when the pool ends, so close() fails them. */
  private readonly waiting = new Set<(error: Error) => void>();
  private closed = false;

  constructor(private readonly pool: Pool) {}

  executeSql(text: string, values?: unknown[]): Promise<QueryResult> {
    const run = this.run(text, values);
    const tracked = run.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(tracked);
    void tracked.then(() => this.inFlight.delete(tracked));
    return run;
  }

  /** Waits until no query has been in flight for a moment (pg-boss fires some without awaiting them). */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.inFlight.size > 0) {
        const timeout = new AbortController();
        const expired = sleep(Math.max(1, deadline - Date.now()), undefined, { signal: timeout.signal }).catch(() => undefined);
        await Promise.race([Promise.all([...this.inFlight]), expired]);
        timeout.abort();
        continue;
      }
      await sleep(25);
      if (this.inFlight.size === 0) return;
    }
  }

  /**
   * Fails every query still waiting for a connection, and any later one. Once the pool has ended
   * (or the database is gone) a waiter would otherwise hang for good, and with it pg-boss's
   * worker, which then never reports itself stopped.
   */
  close(): void {
    this.closed = true;
    const error = new Error('the job queue has stopped');
    for (const fail of this.waiting) fail(error);
    this.waiting.clear();
  }

  private connect(): Promise<PoolClient> {
    if (this.closed) return Promise.reject(new Error('the job queue has stopped'));
    return new Promise<PoolClient>((resolve, reject) => {
      const fail = (error: Error): void => reject(error);
      this.waiting.add(fail);
      this.pool.connect().then(
        (client) => {
          // Failed by close() meanwhile: the connection goes straight back.
          if (!this.waiting.delete(fail)) client.release();
          else resolve(client);
        },
        (error: unknown) => {
          this.waiting.delete(fail);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  private async run(text: string, values?: unknown[]): Promise<QueryResult> {
    const client = await this.connect();
    let broken: Error | undefined;
    // A checked-out client has no listener of the pool's: without one, a server that goes away
    // (a restart) would raise an unhandled 'error' event and end the process.
    const onError = (e: Error): void => {
      broken = e;
    };
    client.on('error', onError);
    try {
      return await client.query(text, values);
    } catch (error) {
      if (error instanceof DatabaseError) {
        await client.query('ROLLBACK').catch((e: Error) => {
          broken = e;
        });
      } else {
        broken = error instanceof Error ? error : new Error(String(error));
      }
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }
}

/**
 * pg-boss on the pg client of a running TypeORM transaction, so what it writes commits or rolls
 * back with the caller's own writes. Errors are left to the caller's transaction.
 */
export function transactionSqlExecutor(manager: EntityManager): SqlExecutor {
  const runner = manager.queryRunner;
  // Released mid-transaction: its connection was lost (a database restart), not a misuse; the
  // same error TypeORM gives the transaction's next query, so the caller answers 503.
  if (runner?.isReleased) throw new QueryRunnerAlreadyReleasedError();
  if (!runner || !runner.isTransactionActive) {
    throw new Error('a job that follows a write needs the EntityManager of a running transaction (DatabaseService.transaction)');
  }
  // TypeORM's QueryRunner interface does not declare it; the PostgreSQL runner holds its pg client there.
  const client = (runner as unknown as { databaseConnection?: PoolClient }).databaseConnection;
  if (!client) throw new Error('the transaction has no database connection');
  return { executeSql: (text, values) => client.query(text, values) };
}
