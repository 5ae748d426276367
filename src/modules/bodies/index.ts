/** The bodies module's public surface: other modules import only from here. */
export { allProvinceCodes, areaDataFile } from './area-data';
export { BodiesModule } from './bodies.module';
export { BodiesRepository } from './bodies.repository';
export { BodiesService } from './bodies.service';
export type { BodySummary } from './bodies.service';
export { PpidUnit } from './ppid-unit.entity';
export type { UnitLevel } from './ppid-unit.entity';
export { PublicBody } from './public-body.entity';
