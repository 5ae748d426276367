/** The bodies module's public surface: other modules import only from here. */
export { BodiesAdminRepository } from './admin/bodies-admin.repository';
export type { BodyDetails, UnitDetails } from './admin/bodies-admin.repository';
export { checkBodyDetails } from './admin/details-input';
export { allProvinceCodes, areaDataFile } from './area-data';
export { normalizeRegionCode } from './body-search';
export { BodiesModule } from './bodies.module';
export { BodiesService } from './bodies.service';
export type { BodyOption, BodySummary } from './bodies.service';
export { letterDetailsOf } from './letter-details';
export { nipProblem } from './nip';
export { PpidUnit } from './ppid-unit.entity';
export type { UnitLevel } from './ppid-unit.entity';
export { PublicBody } from './public-body.entity';
export { titleCase } from './reference-data';
export { WEEKDAYS, formatDayHours, serviceHoursFrom } from './service-hours';
export { UnitsRepository } from './units.repository';
export type { BodyRow, BodyWithUnits, UnitPlace, UnitRef, UnitRow } from './units.repository';
