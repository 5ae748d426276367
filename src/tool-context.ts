import { DynamicModule, INestApplicationContext, LogLevel, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { BodiesModule } from 'src/modules/bodies';
import { WorkingDaysModule } from 'src/modules/calendar';
import { ConsultationRecordsModule } from 'src/modules/consultations';
import { FilesModule } from 'src/modules/files';
import { ObjectionRecordsModule } from 'src/modules/objections';
import { RequestRecordsModule } from 'src/modules/requests';

/**
 * The database as a start leaves it, without serving anything: migrated, the reference data of
 * the province loaded (by the modules that own it), and the records of requests, objections,
 * consultations and files with their keys. No jobs, sessions or mail. For scripts (`npm run demo`, `npm run rotate-keys`) and
 * for building the tests' template database.
 */
@Module({})
class ToolModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ToolModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, BodiesModule, WorkingDaysModule, FilesModule, RequestRecordsModule, ObjectionRecordsModule, ConsultationRecordsModule],
    };
  }
}

/** Opens the database of `config` (connect, migrate, load reference data); close() it when done. */
export function openToolContext(config: AppConfig, logLevels: LogLevel[] | false = ['error', 'warn']): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(ToolModule.forRoot(config), { logger: logLevels, abortOnError: false });
}
