import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from 'src/config/app-config';
import { DatabaseService } from './database.service';
import { seedReferenceData } from './seeds/reference-data';

/** The connection pool and data source: connected, migrated and seeded before anything else starts. */
@Global()
@Module({
  providers: [
    DatabaseService,
    {
      provide: DataSource,
      inject: [DatabaseService, AppConfig],
      useFactory: async (db: DatabaseService, config: AppConfig): Promise<DataSource> => {
        const source = await db.connect();
        await seedReferenceData(source, config.provinceCode);
        return source;
      },
    },
  ],
  exports: [DatabaseService, DataSource],
})
export class DatabaseModule {}
