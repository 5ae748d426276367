import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from 'src/config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';

/**
 * Where the pool connects: DATABASE_URL, or the embedded PostgreSQL started here in DATA_DIR
 * (before the data source is built from it). DatabaseService stops it on shutdown, after the
 * data source is closed.
 */
export class DatabaseServer {
  private constructor(
    readonly url: string,
    private readonly embedded: EmbeddedPostgres | undefined,
  ) {}

  static async start(config: AppConfig): Promise<DatabaseServer> {
    if (config.databaseUrl !== undefined) return new DatabaseServer(config.databaseUrl, undefined);
    const embedded = await EmbeddedPostgres.start(join(config.dataDir, 'pgdata'));
    return new DatabaseServer(embedded.url, embedded);
  }

  get isEmbedded(): boolean {
    return this.embedded !== undefined;
  }

  async stop(): Promise<void> {
    await this.embedded?.stop();
  }
}

/** The server, shared by the data source's options and DatabaseService. */
@Module({
  providers: [{ provide: DatabaseServer, inject: [AppConfig], useFactory: (config: AppConfig) => DatabaseServer.start(config) }],
  exports: [DatabaseServer],
})
export class DatabaseServerModule {}
