import { ApiProperty } from '@nestjs/swagger';
import { TextField } from 'src/common/forms/fields';

/** POST /api/v1/auth/token and the sign-in form. */
export class LoginDto {
  @TextField({ label: 'Alamat e-mail', max: 254, example: 'petugas@surabaya.go.id' })
  email: string;

  @ApiProperty({ format: 'password' })
  @TextField({ label: 'Kata sandi', max: 1000, raw: true })
  password: string;
}

export class AccessTokenDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`; shown once' })
  accessToken: string;

  @ApiProperty({ example: '2026-01-05T15:04:05.000Z', description: 'Twelve hours after issue' })
  expiresAt: string;
}

export class ApiTokenListItemDto {
  @ApiProperty({ example: 12 })
  id: number;

  @ApiProperty({ example: '2026-01-05T03:04:05.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-01-05T15:04:05.000Z' })
  expiresAt: string;

  @ApiProperty({ type: String, nullable: true, example: '2026-01-05T04:00:00.000Z', description: 'To the minute; null when never used' })
  lastUsedAt: string | null;

  @ApiProperty({ description: 'True for the token that made this request' })
  current: boolean;
}
