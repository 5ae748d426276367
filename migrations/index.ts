import { ReferenceData1764300000000 } from './1764300000000-reference-data';

/** Every migration in order; listed here so the same list works compiled and under ts-jest. */
export const MIGRATIONS = [ReferenceData1764300000000];
