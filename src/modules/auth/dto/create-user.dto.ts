import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Max, Min, MinLength } from 'class-validator';
import { MAX_INT4 } from 'src/common/validation/whole-number';
import { Role } from 'src/common/auth/actor';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_TOO_LONG, PASSWORD_TOO_SHORT } from 'src/modules/auth/passwords';
import { ROLES } from 'src/common/auth/roles';

const EMAIL_INVALID = 'Masukkan alamat e-mail yang valid, mis. nama@instansi.go.id.';

/** POST /api/v1/admin/users and the form of /admin/pengguna. */
export class CreateUserDto {
  @ApiProperty({ example: 'petugas@surabaya.go.id' })
  @IsString({ message: EMAIL_INVALID })
  @IsEmail({}, { message: EMAIL_INVALID })
  @MaxLength(254, { message: 'Alamat e-mail terlalu panjang.' })
  email: string;

  @ApiProperty({ example: 'Rina Kartika' })
  @IsString({ message: 'Isi nama lengkap.' })
  @IsNotEmpty({ message: 'Isi nama lengkap.' })
  @MaxLength(120, { message: 'Nama paling banyak 120 karakter.' })
  name: string;

  @ApiPropertyOptional({
    format: 'password',
    description: `At least ${PASSWORD_MIN_LENGTH} characters. Omit it to send a one-time invitation link (valid 72 hours) instead`,
  })
  @IsOptional()
  @IsString({ message: PASSWORD_TOO_SHORT })
  @MinLength(PASSWORD_MIN_LENGTH, { message: PASSWORD_TOO_SHORT })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: PASSWORD_TOO_LONG })
  password?: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: 'Pilih peran akun.' })
  role: Role;

  @ApiPropertyOptional({ description: 'PPID unit: required for officers; for supervisors it names their body' })
  @IsOptional()
  @IsInt({ message: 'Pilih unit PPID.' })
  @Min(1, { message: 'Pilih unit PPID.' })
  @Max(MAX_INT4, { message: 'Pilih unit PPID.' })
  unitId?: number;

  @ApiPropertyOptional({ description: 'Public body of a supervisor (atasan PPID)' })
  @IsOptional()
  @IsInt({ message: 'Pilih badan publik.' })
  @Min(1, { message: 'Pilih badan publik.' })
  @Max(MAX_INT4, { message: 'Pilih badan publik.' })
  bodyId?: number;
}

export class CreatedUserDto {
  @ApiProperty() id: number;
}
