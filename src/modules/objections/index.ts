/** The objections module's public surface: other modules and the app import only from here. */
export { ObjectionsModule } from './objections.module';
export { ObjectionsService } from './objections.service';
export { ObjectionRecordsModule } from './objection-records.module';
export { ObjectionSecrets } from './objection-secrets';
export { ObjectionsRepository } from './objections.repository';
