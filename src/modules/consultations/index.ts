/** The consultations module's public surface: other modules and the app import only from here. */
export { ConsultationsModule } from './consultations.module';
export { ConsultationRecordsModule } from './consultation-records.module';
export { ConsultationsRepository } from './consultations.repository';
export { ConsultationSecrets, consultationContext } from './consultation-secrets';
export type { ConsultationSecretsResult } from './consultation-secrets';
export { CONSULTATION_STATUSES, DEFAULT_CONSULTATION_RESPONSE_DAYS, consultationDueDate, formatConsultationNumber } from './consultation-rules';
export type { ConsultationStatus } from './consultation-rules';
export { ConsultationSeeder } from './consultation-seeder';
export type { SimulatedConsultation } from './consultation-seeder';
