/** The published answers module's public surface: other modules import only from here. */
export { PublishedAnswersModule } from './published-answers.module';
// The scorecards' "share of granted answers published": countsByBody(from, to) per body.
export { PublishedAnswersService } from './published-answers.service';
export type { SweepResult } from './published-answers.service';
export type { PublicationCount } from './published-answers.repository';
export { REDACTED, redactPersonalData } from './personal-data';
export type { PersonalFields } from './personal-data';
