/** Units and bodies belong to the bodies module; account code reaches them through its public surface. */
export { UnitsRepository } from 'src/modules/bodies';
export type { BodyRow, NewPelaksanaUnit, UnitPlace, UnitRow } from 'src/modules/bodies';
