import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { ChoiceField, IdListField, isBlank, LocalDateField, TextField } from 'src/common/forms/fields';
import { DISPUTE_OUTCOMES, DISPUTE_STAGES, GROUND_KEYS, ObjectionGround } from 'src/modules/objections/objection-rules';

function groundsProblem(value: unknown): string | null {
  if (isBlank(value) || (Array.isArray(value) && value.length === 0)) return 'Pilih paling sedikit satu alasan keberatan (Pasal 35 ayat (1) huruf a–g).';
  if (!Array.isArray(value) || !value.every((g) => typeof g === 'string' && (GROUND_KEYS as string[]).includes(g))) {
    return 'Alasan keberatan harus berupa huruf a sampai g (Pasal 35 ayat (1)).';
  }
  if (new Set(value).size !== value.length) return 'Setiap alasan keberatan cukup dipilih sekali.';
  return null;
}

/** Pasal 35(1) grounds: a JSON array of letters, or "a,c" (multipart). */
function GroundsField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: String, isArray: true, enum: GROUND_KEYS, description: 'Pasal 35(1) grounds, letters a–g, at least one' }),
    Transform(({ value }: { value: unknown }) => {
      const list = typeof value === 'string' ? value.split(',') : value;
      return Array.isArray(list) ? list.map((g: unknown) => (typeof g === 'string' ? g.trim().toLowerCase() : g)).filter((g: unknown) => g !== '') : list;
    }),
    ValidateBy({ name: 'grounds', validator: { validate: (v: unknown) => groundsProblem(v) === null, defaultMessage: (a) => groundsProblem(a?.value) ?? '' } }),
  );
}

/** POST /api/v1/requests/<number>/objections and the objection form (with the kuasa's letter as a file). */
export class FileObjectionDto {
  @GroundsField()
  grounds: ObjectionGround[];

  @TextField({ label: 'Kasus posisi', min: 10, max: 5000, description: 'Kasus posisi: what happened and why the requester objects' })
  reasons: string;

  @TextField({ label: 'Nama kuasa', max: 150, required: false, description: 'When a proxy (kuasa) files for the requester; needs proxyAddress and the power-of-attorney file' })
  proxyName?: string;

  @TextField({ label: 'Alamat kuasa', max: 300, required: (o) => !isBlank(o.proxyName), description: 'The proxy’s address (stored encrypted)' })
  proxyAddress?: string;
}

export type ObjectionDecision = 'uphold' | 'overturn' | 'overturn_partially';

export const OBJECTION_DECISIONS: Record<ObjectionDecision, string> = {
  uphold: 'Menguatkan keputusan PPID (keberatan ditolak)',
  overturn: 'Membatalkan keputusan PPID (keberatan diterima seluruhnya)',
  overturn_partially: 'Membatalkan sebagian keputusan PPID (keberatan diterima sebagian)',
};

/** POST /api/v1/objections/<id>/decision and the atasan's decision form. */
export class DecideObjectionDto {
  @ChoiceField({ label: 'Keputusan', values: OBJECTION_DECISIONS, message: 'Pilih menguatkan, membatalkan, atau membatalkan sebagian.' })
  decision: ObjectionDecision;

  @TextField({
    label: 'Alasan tertulis',
    min: 10,
    max: 5000,
    required: (o) => o.decision === 'uphold',
    description: 'Written reasons; required to uphold the PPID’s decision (Pasal 36(3))',
  })
  reasons?: string;

  @TextField({
    label: 'Perintah kepada PPID',
    min: 10,
    max: 2000,
    onlyWhen: (o) => o.decision === 'overturn' || o.decision === 'overturn_partially',
    description: 'What the PPID must now give; required to overturn. The request reopens with 10 working days',
  })
  instruction?: string;

  @TextField({ label: 'Jabatan atasan PPID', max: 200, required: false, description: 'Printed under the signature, e.g. “Sekretaris Daerah”' })
  position?: string;

  @IdListField({
    label: 'Informasi yang dibuka',
    maxItems: 100,
    message: 'Pilih informasi yang dikecualikan dari daftar permohonan ini.',
    description:
      'With overturn_partially: the ids of the exempted DIP items linked to the request that the decision opens (the others stay exempted). A full overturn opens them all; uphold none',
  })
  openItemIds?: number[];
}

/** A dispute filed with the Komisi Informasi (requester or officer). */
export class RecordDisputeDto {
  @LocalDateField({ label: 'Tanggal pengajuan ke Komisi Informasi', message: 'Tanggal pengajuan harus berupa tanggal yang benar (YYYY-MM-DD).' })
  filedOn: string;

  @TextField({
    label: 'Nomor register sengketa di Komisi Informasi',
    max: 100,
    pattern: { regex: /^[A-Za-z0-9./\- ]+$/, message: 'Nomor register hanya boleh berisi huruf, angka, spasi, titik, garis miring dan tanda hubung.' },
  })
  caseNumber: string;
}

/** A dispute's next stage (mediasi, ajudikasi, putusan) and, once known, its outcome. */
export class DisputeStageDto {
  @ChoiceField({ label: 'Tahap', values: DISPUTE_STAGES, message: 'Pilih tahap: mediasi, ajudikasi atau putusan.' })
  stage: keyof typeof DISPUTE_STAGES;

  @LocalDateField({ label: 'Tanggal', message: 'Tanggal harus berupa tanggal yang benar (YYYY-MM-DD).' })
  on: string;

  @ChoiceField({ label: 'Hasil', values: DISPUTE_OUTCOMES, message: 'Pilih hasil sengketa dari daftar.', required: false })
  outcome?: keyof typeof DISPUTE_OUTCOMES;

  @IdListField({
    label: 'Informasi yang dibuka',
    maxItems: 100,
    message: 'Pilih informasi yang dikecualikan dari daftar permohonan ini.',
    description:
      'With outcome partially_opened (recorded by an officer): the ids of the exempted DIP items linked to the request that the Komisi Informasi opened. Outcome opened opens them all',
  })
  openItemIds?: number[];
}
