/** The bodies module's public surface: other modules import only from here. */
export { allProvinceCodes, areaDataFile } from './area-data';
export { BodiesModule } from './bodies.module';
export { BodiesService } from './bodies.service';
export type { BodyOption, BodySummary } from './bodies.service';
export { PpidUnit } from './ppid-unit.entity';
export type { UnitLevel } from './ppid-unit.entity';
export { PublicBody } from './public-body.entity';
export { titleCase } from './reference-data';
export { UnitsRepository } from './units.repository';
export type { BodyRow, NewPelaksanaUnit, UnitPlace, UnitRef, UnitRow } from './units.repository';
