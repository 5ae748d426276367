import { Actor } from 'src/common/auth/actor';

/** Units the actor may see: ids, or every unit (bureau, admin). */
export type VisibleUnitIds = number[] | 'all';

/**
 * Who may read a requester's name, address and contact in a register: officers who work the
 * request's unit (the one now handling it or the one that received it), and the atasan PPID of
 * its body. The provincial bureau and admins see registers with the personal data masked.
 */
export function maySeePersonalData(
  actor: Pick<Actor, 'role' | 'bodyId'>,
  visible: VisibleUnitIds,
  request: { bodyId: number; unitId: number; receivingUnitId: number },
): boolean {
  switch (actor.role) {
    case 'officer':
      return visible !== 'all' && (visible.includes(request.unitId) || visible.includes(request.receivingUnitId));
    case 'supervisor':
      return actor.bodyId !== null && actor.bodyId === request.bodyId;
    case 'bureau':
    case 'admin':
      return false;
  }
}
