import { Global, Module } from '@nestjs/common';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { MIGRATIONS } from '../../migrations';
import { DatabaseServer, DatabaseServerModule } from './database-server';
import { DatabaseService } from './database.service';
import { embeddedPgDriver } from './embedded-session-pool';

/**
 * The data source's settings: every migration run at start (each in its own transaction), the
 * entities each module registers with TypeOrmModule.forFeature, and the one pool (a normal pool
 * on PostgreSQL; one connection through EmbeddedSessionPool on the embedded database).
 */
export function dataSourceOptions(server: DatabaseServer): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    url: server.url,
    autoLoadEntities: true,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // A start that cannot connect or migrate fails at once, as it names the cause.
    retryAttempts: 0,
    ...(server.isEmbedded ? { driver: embeddedPgDriver() } : {}),
    extra: server.isEmbedded ? { max: 1 } : { max: 10, connectionTimeoutMillis: 10_000 },
  };
}

/**
 * The connection pool and data source, connected and migrated before anything else starts. The
 * database folder knows no table: modules register their entities and own their data (README.md
 * "Architecture", Persistence).
 */
@Global()
@Module({
  imports: [
    DatabaseServerModule,
    TypeOrmModule.forRootAsync({
      imports: [DatabaseServerModule],
      inject: [DatabaseServer],
      useFactory: dataSourceOptions,
    }),
  ],
  providers: [DatabaseService],
  exports: [DatabaseService],
})
export class DatabaseModule {}
