/** The requests module's public surface: other modules import only from here. */
export { ANSWER_WORKING_DAYS } from './intake/intake.service';
export { formatRegistrationNumber } from './intake/registration-number';
export type { RequestSubmission } from './intake/request-submission';
export { nikProblem } from './intake/requester-identity';
export type { Channel, CopyDelivery, ObtainMethod, RequesterType } from './request-options';
export { RequestSecrets } from './request-secrets';
export type { SecretsPassResult } from './request-secrets';
export type { RequestStatus } from './request-status';
export { RequestsModule } from './requests.module';
export { RequestsRepository } from './requests.repository';
export { TRACKING_ALPHABET, TrackingCodes, formatTrackingCode, generateTrackingCode } from './tracking/tracking-code';
export { deadlineState, stateBounds } from './workflow/deadline-state';
export type { StateBounds } from './workflow/deadline-state';
export { blankNotice, parseNoticeInput } from './workflow/notice-input';
export type { Decision, ExemptionGround, NoticeInput } from './workflow/notice-input';
export { TRANSITIONS, nextStatus } from './workflow/request-transitions';
export type { RequestAction } from './workflow/request-transitions';
export { MAX_EXTENSION_DAYS } from './workflow/request-workflow.service';
