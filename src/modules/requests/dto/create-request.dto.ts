import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Allow, ValidateIf } from 'class-validator';
import { BooleanField, ChoiceField, NestedField, TextField, WholeNumberField, trimmed } from 'src/common/forms/fields';
import { MAX_INT4 } from 'src/common/validation/whole-number';
import { allProvinceCodes } from 'src/modules/bodies';
import { IsNik } from 'src/modules/requests/intake/requester-identity';
import { Channel, CHANNELS, COPY_DELIVERIES, CopyDelivery, isCopy, OBTAIN_METHODS, ObtainMethod, REQUESTER_TYPES, RequesterType } from 'src/modules/requests/request-options';

const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[a-z]{2,}$/i;
const EMAIL_MESSAGE = 'Alamat e-mail tidak valid, mis. nama@contoh.id.';

/** A person or a group gives a NIK; a legal entity its registration number instead. */
function hasNik(o: Record<string, unknown>): boolean {
  return o.type === 'individual' || o.type === 'group';
}

function NikField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example: '3578015503900001', description: 'NIK, 16 digits; required unless type is organization' }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/[\s.-]/g, '') : value)),
    ValidateIf((o: Record<string, unknown>) => hasNik(o)),
    IsNik(allProvinceCodes),
  );
}

/** The requester's part of a request as the online form and POST /api/v1/requests give it. */
abstract class RequesterFields {
  @ChoiceField({ label: 'Jenis pemohon', values: REQUESTER_TYPES, message: 'Pilih jenis pemohon: perorangan, badan hukum, atau kelompok orang.' })
  type: RequesterType;

  @TextField({ label: 'Nama', min: 2, max: 150, normalize: (t) => t.replace(/\s+/g, ' '), example: 'Dyah Ayu Pitaloka' })
  name: string;

  @NikField()
  nik?: string;

  @TextField({
    label: 'Nomor pengesahan badan hukum',
    min: 3,
    max: 100,
    onlyWhen: (o) => o.type === 'organization',
    description: 'Legal registration number; required when type is organization',
  })
  registrationNo?: string;

  @TextField({ label: 'Alamat', min: 5, max: 500 })
  address: string;

  @TextField({
    label: 'Nomor telepon',
    max: 20,
    normalize: (t) => t.replace(/[\s()-]/g, ''),
    pattern: { regex: /^\+?\d{8,15}$/, message: 'Nomor telepon harus 8–15 angka, mis. 081234567890.' },
    example: '081234567890',
  })
  phone: string;

  @TextField({ label: 'Pekerjaan', max: 100, example: 'Wiraswasta' })
  occupation: string;
}

export class RequesterDto extends RequesterFields {
  @TextField({ label: 'Alamat e-mail', max: 254, normalize: (t) => t.toLowerCase(), pattern: { regex: EMAIL, message: EMAIL_MESSAGE }, example: 'dyah@contoh.id' })
  email: string;
}

/** An officer records a request that came by phone or letter: the requester may have no e-mail. */
export class OfflineRequesterDto extends RequesterFields {
  @TextField({ label: 'Alamat e-mail', max: 254, required: false, normalize: (t) => t.toLowerCase(), pattern: { regex: EMAIL, message: EMAIL_MESSAGE } })
  email?: string;
}

/** What is asked and how it is to be obtained (Pasal 22(2)), shared by online and offline requests. */
abstract class RequestFields {
  @WholeNumberField({ label: 'Unit PPID tujuan', min: 1, max: MAX_INT4, message: 'Pilih unit PPID tujuan permohonan.' })
  unitId: number;

  @TextField({ label: 'Rincian informasi yang dibutuhkan', min: 10, max: 5000 })
  information: string;

  @TextField({ label: 'Tujuan penggunaan informasi', min: 5, max: 2000 })
  purpose: string;

  @ChoiceField({ label: 'Cara memperoleh informasi', values: OBTAIN_METHODS, message: 'Pilih cara memperoleh informasi.' })
  obtainMethod: ObtainMethod;

  @ChoiceField({
    label: 'Cara mendapatkan salinan informasi',
    values: COPY_DELIVERIES,
    message: 'Pilih cara mendapatkan salinan informasi.',
    required: (o) => typeof o.obtainMethod === 'string' && Object.hasOwn(OBTAIN_METHODS, o.obtainMethod) && isCopy(o.obtainMethod as ObtainMethod),
    description: 'Required when obtainMethod is copy_soft or copy_hard',
  })
  copyDelivery?: CopyDelivery;

  @BooleanField({
    label: 'Persetujuan publikasi jawaban',
    message: 'Pilih apakah jawaban boleh dipublikasikan: ya atau tidak.',
    required: false,
    description: 'May the answer be published without the requester\'s personal data? Default false',
  })
  publicationConsent?: boolean;
}

/** POST /api/v1/requests and the online form (/permohonan): the validator itself, not a copy. */
export class CreateRequestDto extends RequestFields {
  @NestedField(RequesterDto, { label: 'Identitas pemohon' })
  requester: RequesterDto = new RequesterDto();
}

/** A request an officer records: the same, except that the requester may have no e-mail. */
export class OfflineSubmissionDto extends RequestFields {
  @NestedField(OfflineRequesterDto, { label: 'Identitas pemohon' })
  requester: OfflineRequesterDto = new OfflineRequesterDto();
}

/** How and when an offline request came in (Pasal 22(3)). */
export class OfflineReceiptDto {
  @ChoiceField({
    label: 'Saluran',
    values: Object.keys(CHANNELS).filter((c) => c !== 'online'),
    message: 'Pilih saluran: datang langsung, surat, e-mail, atau telepon.',
  })
  channel: Exclude<Channel, 'online'>;

  @ApiProperty({ example: '2026-11-20T09:30:00+07:00', description: 'When the request was received: an instant with offset, never in the future (the form sends local time YYYY-MM-DDTHH:MM)' })
  @Transform(({ value }: { value: unknown }) => trimmed(value))
  @Allow() // read in the unit's time zone by the service, which names a bad one
  receivedAt: string;
}

/** POST /api/v1/offline-requests and the officer's form. */
export class OfflineRequestDto extends IntersectionType(OfflineSubmissionDto, OfflineReceiptDto) {}

export class CreatedRequestDto {
  @ApiProperty({ example: '3578-U-2026-00001' }) registrationNumber: string;
  @ApiProperty({ example: 'ABCDEFGHJKMN', description: 'Shown once; needed to follow the request' }) trackingCode: string;
  @ApiProperty({ example: 'received' }) status: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ example: '2026-11-30' }) effectiveReceiptDate: string;
  @ApiProperty({ example: '2026-12-14' }) dueDate: string;
}
