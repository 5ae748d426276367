import { EntityManager } from 'typeorm';
import { AppConfig } from 'src/config/app-config';
import { MailService } from 'src/modules/notifications';
import { Role } from 'src/common/auth/actor';
import { ROLE_LABELS } from 'src/common/auth/roles';
import { hashSecretToken, newSecretToken } from './secret-tokens';
import { UnitPlace } from 'src/modules/bodies';
import { UsersRepository } from './users.repository';

/** How long an invitation link works. */
export const INVITATION_HOURS = 72;
export const INVITATION_TEMPLATE = 'account_invitation';

export interface Invitee {
  userId: number;
  email: string;
  name: string;
  role: Role;
  place: UnitPlace | null;
}

export interface InvitationDeps {
  users: UsersRepository;
  mail: MailService;
  config: AppConfig;
  /** 'Senin, 1 Desember 2025 pukul 10.00 WIB' in a time zone. */
  formatInstant: (instant: Date, timeZone: string) => string;
}

function placeText(role: Role, place: UnitPlace | null): string | null {
  if (!place) return null;
  return role === 'officer' ? `${place.name}, ${place.bodyName}` : place.bodyName;
}

/**
 * A new one-time link for the account and its mail, in the caller's transaction. Only the link's
 * hash is stored; the link itself stays in the mail's data until the mail is sent.
 */
export async function issueInvitation(m: EntityManager, deps: InvitationDeps, invitee: Invitee): Promise<Date> {
  const token = newSecretToken();
  const expiresAt = await deps.users.insertInvitation(m, invitee.userId, hashSecretToken(token), INVITATION_HOURS);
  const timeZone = invitee.place?.timeZone ?? deps.config.provinceTimeZone;
  await deps.mail.enqueue(m, {
    template: INVITATION_TEMPLATE,
    to: invitee.email,
    data: {
      name: invitee.name,
      email: invitee.email,
      roleLabel: ROLE_LABELS[invitee.role],
      placeText: placeText(invitee.role, invitee.place),
      invitationUrl: `${deps.config.appUrl}/undangan/${token}`,
      expiresAtText: deps.formatInstant(expiresAt, timeZone),
      validHours: INVITATION_HOURS,
    },
  });
  return expiresAt;
}
