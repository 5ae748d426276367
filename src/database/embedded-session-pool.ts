import pg, { DatabaseError, PoolClient, PoolConfig } from 'pg';

/** What pg-pool's internal release hook receives; not part of its typed interface. */
interface PoolInternals {
  _release(client: PoolClient, idleListener: unknown, err?: Error | boolean): void;
}

interface ClientInternals {
  _queryable?: boolean;
  _ending?: boolean;
  connection?: { parsedStatements: Record<string, string>; submittedNamedStatements: Record<string, string> };
}

/** duplicate_prepared_statement, invalid_sql_statement_name: the session's statements and the client's cache disagree. */
const STATEMENT_CACHE_ERRORS = new Set(['42P05', '26000']);

/**
 * The pool for the embedded database. PGlite is one session behind one socket, and whatever a
 * connection leaves in that session (named prepared statements, an open transaction) outlives
 * the connection. pg-pool throws a connection away after any query error, so the next
 * connection met the old session's statements ("prepared statement … already exists") and
 * every client that names its statements failed from then on.
 *
 * Here, for every client of the pool (TypeORM, jobs, sessions, rate limits):
 * - an error the server reported (DatabaseError) keeps the connection: the socket is fine; a
 *   transaction a failed script left open is rolled back before the next user gets it;
 * - a session whose statements disagree with the client's cache is reset (DEALLOCATE ALL);
 * - every new connection starts from a clean session, whatever the previous one left.
 * Socket and protocol failures still discard the connection, as pg-pool does.
 */
export class EmbeddedSessionPool extends pg.Pool {
  constructor(config?: PoolConfig) {
    // pg-pool runs `verify` on every new connection before anyone gets it.
    const verify = (client: PoolClient, done: (err?: Error) => void): void => {
      resetSession(client).then(() => done(), done);
    };
    super({ ...config, verify } as PoolConfig);
  }

  /** pg-pool calls this with the error a client was released with. */
  _release(client: PoolClient, idleListener: unknown, err?: Error | boolean): void {
    const release = (pg.Pool.prototype as unknown as PoolInternals)._release;
    const c = client as unknown as ClientInternals;
    if (!(err instanceof DatabaseError) || c._queryable === false || c._ending) {
      release.call(this, client, idleListener, err);
      return;
    }
    // The client goes back to the pool once its session is settled: the transaction status the
    // socket reports is not reliable here, so roll back regardless (a warning when none is open).
    const settle = STATEMENT_CACHE_ERRORS.has(err.code ?? '') ? resetSession(client) : client.query('ROLLBACK');
    const onError = (): void => undefined;
    client.on('error', onError);
    settle.then(
      () => {
        client.removeListener('error', onError);
        release.call(this, client, idleListener, undefined);
      },
      (e: Error) => {
        client.removeListener('error', onError);
        release.call(this, client, idleListener, e);
      },
    );
  }
}

/** Ends whatever transaction the session holds and drops its prepared statements, then forgets the client's own record of them. */
async function resetSession(client: PoolClient): Promise<void> {
  await client.query('ROLLBACK');
  await client.query('DEALLOCATE ALL');
  const c = client as unknown as ClientInternals;
  if (c.connection) {
    c.connection.parsedStatements = {};
    c.connection.submittedNamedStatements = {};
  }
}

/** The pg module with the embedded pool in place of its Pool, for TypeORM's `driver` option. */
export function embeddedPgDriver(): typeof pg {
  return { ...pg, Pool: EmbeddedSessionPool } as typeof pg;
}
