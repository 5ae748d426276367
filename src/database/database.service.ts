import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from 'src/config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../../migrations';
import { EmbeddedPostgres } from './embedded-postgres';
import { embeddedPgDriver } from './embedded-session-pool';

/**
 * Owns the one connection pool of the process. With DATABASE_URL it is a normal pool on
 * PostgreSQL; without, a pool of one connection to the embedded database. Everything that talks
 * to the database (TypeORM, jobs, sessions) goes through this pool.
 */
@Injectable()
export class DatabaseService implements OnApplicationShutdown {
  private embedded?: EmbeddedPostgres;
  private source?: DataSource;

  constructor(private readonly config: AppConfig) {}

  async connect(): Promise<DataSource> {
    let url = this.config.databaseUrl;
    if (url === undefined) {
      this.embedded = await EmbeddedPostgres.start(join(this.config.dataDir, 'pgdata'));
      url = this.embedded.url;
    }
    this.source = new DataSource({
      type: 'postgres',
      url,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      migrationsTransactionMode: 'each',
      synchronize: false,
      logging: false,
      ...(this.embedded ? { driver: embeddedPgDriver() } : {}),
      extra: this.embedded ? { max: 1 } : { max: 10, connectionTimeoutMillis: 10_000 },
    });
    await this.source.initialize();
    await this.source.runMigrations();
    return this.source;
  }

  get dataSource(): DataSource {
    if (!this.source) throw new Error('database not connected');
    return this.source;
  }

  /** The pg Pool behind TypeORM, for libraries that take a pool (jobs, sessions). */
  get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  /** One use case, one transaction. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Whether the database serves the app: a named prepared statement, as the app's own clients
   * use them, answered within the time. A session that kept another connection's statements
   * fails here, where a bare `SELECT 1` would still pass.
   */
  async isHealthy(timeoutMs = 2000): Promise<boolean> {
    if (!this.source?.isInitialized) return false;
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

  async onApplicationShutdown(): Promise<void> {
    if (this.source?.isInitialized) await this.source.destroy();
    if (this.embedded) await this.embedded.stop();
  }
}
