import { TextField } from 'src/common/forms/fields';

/** A password as typed: never trimmed; long enough for any passphrase (the rules of a new one are in passwords.ts). */
const PASSWORD = { max: 1000, raw: true } as const;

/** The form of /akun/kata-sandi. */
export class ChangePasswordDto {
  @TextField({ label: 'Kata sandi saat ini', ...PASSWORD })
  currentPassword: string;

  @TextField({ label: 'Kata sandi baru', ...PASSWORD })
  newPassword: string;

  @TextField({ label: 'Ulangan kata sandi baru', ...PASSWORD })
  confirmPassword: string;
}

/** The form of /undangan/:token. */
export class SetPasswordDto {
  @TextField({ label: 'Kata sandi baru', ...PASSWORD })
  newPassword: string;

  @TextField({ label: 'Ulangan kata sandi baru', ...PASSWORD })
  confirmPassword: string;
}
