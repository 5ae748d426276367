import { IsNotEmpty, IsString } from 'class-validator';

/** The form of /akun/kata-sandi. */
export class ChangePasswordDto {
  @IsString({ message: 'Isi kata sandi saat ini.' })
  @IsNotEmpty({ message: 'Isi kata sandi saat ini.' })
  currentPassword: string;

  @IsString({ message: 'Isi kata sandi baru.' })
  @IsNotEmpty({ message: 'Isi kata sandi baru.' })
  newPassword: string;

  @IsString({ message: 'Ulangi kata sandi baru.' })
  @IsNotEmpty({ message: 'Ulangi kata sandi baru.' })
  confirmPassword: string;
}

/** The form of /undangan/:token. */
export class SetPasswordDto {
  @IsString({ message: 'Isi kata sandi baru.' })
  @IsNotEmpty({ message: 'Isi kata sandi baru.' })
  newPassword: string;

  @IsString({ message: 'Ulangi kata sandi baru.' })
  @IsNotEmpty({ message: 'Ulangi kata sandi baru.' })
  confirmPassword: string;
}
