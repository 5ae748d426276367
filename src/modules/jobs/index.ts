/** The jobs module's public surface: other modules import only from here. */
export { JobQueue } from './job-queue.service';
export { JobsModule } from './jobs.module';
