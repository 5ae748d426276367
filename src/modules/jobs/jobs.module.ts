import { Global, Module } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { JobQueue } from './job-queue.service';
import { JOBS_SETTINGS, jobsSettingsFor } from './jobs-settings';

/** Background jobs in PostgreSQL (pg-boss 10), available to every module through JobQueue. */
@Global()
@Module({
  providers: [{ provide: JOBS_SETTINGS, inject: [AppConfig], useFactory: jobsSettingsFor }, JobQueue],
  exports: [JobQueue],
})
export class JobsModule {}
