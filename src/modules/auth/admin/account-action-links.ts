import { UserListRow } from 'src/modules/auth/users.repository';
import { ACCOUNT_ACTIONS } from './account-actions.controller';

/** The action links of a row of the account list (an admin never deactivates their own account here). */
export function accountActionLinks(row: UserListRow, actorId: number, now: Date): { href: string; label: string }[] {
  const links: { href: string; label: string }[] = [];
  const link = (segment: string, label: string) => links.push({ href: `/admin/pengguna/${row.id}/${segment}`, label });
  if (row.active && !row.activated) link('undang-ulang', 'Kirim ulang undangan');
  if (row.active && row.lockedUntil && row.lockedUntil > now) link('buka-kunci', 'Buka kunci');
  if (row.active && row.id !== actorId) link('nonaktifkan', 'Nonaktifkan');
  if (!row.active) link('aktifkan', 'Aktifkan kembali');
  return links;
}

/** The status line after an action: 'Akun Sri Wahyuni telah dinonaktifkan.' */
export function actionResult(segment: string | undefined, account: UserListRow | undefined): string | null {
  if (!segment || !account || !Object.prototype.hasOwnProperty.call(ACCOUNT_ACTIONS, segment)) return null;
  return `Akun ${account.name} (${account.email}) telah ${ACCOUNT_ACTIONS[segment].done}.`;
}
