/** The audit module's public surface: other modules import only from here. */
export { AUDIT_ACTIONS, isAuditAction } from './audit-actions';
export type { AuditAction, AuditTargetType } from './audit-actions';
export type { AuditDetails } from './audit-entry.entity';
export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export type { AuditRecord } from './audit.service';
