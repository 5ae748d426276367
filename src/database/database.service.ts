import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { DatabaseServer } from './database-server';

/**
 * The one connection pool of the process, behind the data source TypeOrmModule built. With
 * DATABASE_URL it is a normal pool on PostgreSQL; without, a pool of one connection to the
 * embedded database. Everything that talks to the database (TypeORM, jobs, sessions) goes
 * through this pool.
 */
@Injectable()
export class DatabaseService implements OnApplicationShutdown {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly server: DatabaseServer,
  ) {}

  get dataSource(): DataSource {
    return this.source;
  }

  /** The pg Pool behind TypeORM, for libraries that take a pool (jobs, sessions). */
  get pool(): Pool {
    return (this.source.driver as unknown as { master: Pool }).master;
  }

  /** One use case, one transaction. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.source.transaction(work);
  }

  /**
   * Whether the database serves the app: a named prepared statement, as the app's own clients
   * use them, answered within the time. A session that kept another connection's statements
   * fails here, where a bare `SELECT 1` would still pass.
   */
  async isHealthy(timeoutMs = 2000): Promise<boolean> {
    if (!this.source.isInitialized) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const probe = this.pool.query({ name: 'kip-health', text: 'SELECT 1 AS ok' }).then(
      (r) => r.rows[0]?.ok === 1,
      () => false,
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Closes the data source (TypeOrmModule would too; whichever runs first does it) and only then
   * stops the embedded server under it.
   */
  async onApplicationShutdown(): Promise<void> {
    if (this.source.isInitialized) await this.source.destroy();
    await this.server.stop();
  }
}
