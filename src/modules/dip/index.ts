/** The dip module's public surface: other modules, the app and the demo data import only from here. */
export { CATEGORY_LABELS, DIP_CATEGORIES, DIP_FORMS, UPDATE_PERIODS } from './dip-categories';
export type { DipCategory, DipForm } from './dip-categories';
export { DUE_SOON_WORKING_DAYS, rhythmOf } from './dip-rhythm';
export type { Rhythm, RhythmState } from './dip-rhythm';
export { DipModule } from './dip.module';
export { DipService } from './dip.service';
export type { DipDueItem, SimulatedDipItem } from './dip.service';
export { DipExemptionsService } from './dip-exemptions.service';
export type { ExpiryRun, LinkedExemptItem, OpeningByDecision } from './dip-exemptions.service';
export { OPENING_REASONS, OPENING_REASON_LABELS, exemptionEnded, itemsToOpen, openingDay, openingScope } from './dip-exemptions';
export type { OpeningDecision, OpeningReason } from './dip-exemptions';
export type { DipItemsAsOf } from './dip.repository';
export type { RhythmCalendar } from './dip-rhythm';
