/** The registers module's public surface: other modules import only from here. */
export { REGISTER_KINDS } from './register-kinds';
export type { RegisterKind } from './register-kinds';
export type { ObjectionRegisterEntry } from './objection-register';
export type { InformationForm, InformationStatus, RegisterEntry, RequestKind } from './register-entry';
export { INFORMATION_STATUS_LABELS } from './register-columns';
export { RegistersModule } from './registers.module';
export { RegistersService } from './registers.service';
