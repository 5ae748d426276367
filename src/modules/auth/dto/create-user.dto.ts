import { ApiProperty } from '@nestjs/swagger';
import { ChoiceField, TextField, WholeNumberField } from 'src/common/forms/fields';
import { MAX_INT4 } from 'src/common/validation/whole-number';
import { Role } from 'src/common/auth/actor';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from 'src/modules/auth/passwords';
import { ROLES } from 'src/common/auth/roles';

/** An address a mail can go to: one @, a dot in the domain, none of the characters that split addresses. */
const MAILABLE_ADDRESS = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;

/** POST /api/v1/admin/users and the form of /admin/pengguna. */
export class CreateUserDto {
  @TextField({
    label: 'Alamat e-mail',
    max: 254,
    normalize: (t) => t.toLowerCase(),
    pattern: { regex: MAILABLE_ADDRESS, message: 'Masukkan alamat e-mail yang valid, mis. nama@instansi.go.id.' },
    example: 'petugas@surabaya.go.id',
  })
  email: string;

  @TextField({ label: 'Nama lengkap', max: 120, normalize: (t) => t.replace(/\s+/g, ' '), example: 'Rina Kartika' })
  name: string;

  @TextField({
    label: 'Kata sandi',
    min: PASSWORD_MIN_LENGTH,
    max: PASSWORD_MAX_LENGTH,
    required: false,
    raw: true,
    description: `At least ${PASSWORD_MIN_LENGTH} characters. Omit it to send a one-time invitation link (valid 72 hours) instead`,
  })
  password?: string;

  @ChoiceField({ label: 'Peran', values: ROLES, message: 'Pilih peran akun.' })
  role: Role;

  @WholeNumberField({
    label: 'Unit PPID',
    min: 1,
    max: MAX_INT4,
    required: false,
    message: 'Pilih unit PPID.',
    description: 'PPID unit: required for officers; for supervisors it names their body',
  })
  unitId?: number;

  @WholeNumberField({ label: 'Badan publik', min: 1, max: MAX_INT4, required: false, message: 'Pilih badan publik.', description: 'Public body of a supervisor (atasan PPID)' })
  bodyId?: number;
}

export class CreatedUserDto {
  @ApiProperty() id: number;
}
