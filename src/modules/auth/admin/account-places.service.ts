import { Injectable } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { AccessDenied } from 'src/common/auth/access-errors';
import { BodyWithUnits, UnitsRepository } from 'src/modules/bodies';

/** The bodies and units an account can be placed in, for the account form (read only). */
@Injectable()
export class AccountPlacesService {
  constructor(private readonly units: UnitsRepository) {}

  bodyTree(actor: Actor): Promise<BodyWithUnits[]> {
    if (actor.role !== 'admin') throw new AccessDenied();
    return this.units.findBodyTree();
  }
}
