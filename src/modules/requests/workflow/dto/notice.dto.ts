import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { BooleanField, ChoiceField, PARENT, LocalDateField, NestedField, TextField, TextListField, WholeNumberField } from 'src/common/forms/fields';
import { COPY_DELIVERIES, CopyDelivery } from 'src/modules/requests/request-options';
import { DECISIONS, Decision, EXEMPTION_GROUNDS, ExemptionGround, FORMATS, InformationFormat, TEMPORARY_GROUNDS } from 'src/modules/requests/workflow/notice-rules';

type Input = Record<string, unknown>;

/** Cross-field rules of the written notice: what each decision needs (Pasal 22(7), Pasal 17, Pasal 20). */
const granting = (o: Input): boolean => o.decision === 'granted' || o.decision === 'partially_granted';
const refusing = (o: Input): boolean => o.decision === 'refused';
/** The ground of the notice a consequence test belongs to (grounds a–f need an end date). */
function groundOfParent(o: Input): unknown {
  const parent = (o as { [PARENT]?: Input })[PARENT];
  return typeof parent?.exemptionGround === 'string' ? parent.exemptionGround.trim() : undefined;
}

/** The consequence test (uji konsekuensi, Pasal 19) recorded with a refusal. */
export class ConsequenceTestDto {
  @LocalDateField({ label: 'Tanggal uji konsekuensi', message: 'Isi tanggal uji konsekuensi.' })
  date: string;

  @TextListField({ label: 'Peserta uji konsekuensi', maxItems: 50, maxLength: 300, description: 'A list, or one per line in the form' })
  participants: string[];

  @TextField({ label: 'Konsekuensi bila informasi dibuka', max: 5000 })
  consequence: string;

  @LocalDateField({
    label: 'Tanggal akhir pengecualian',
    message: 'Tanggal akhir pengecualian tidak valid.',
    required: (o) => TEMPORARY_GROUNDS.has(groundOfParent(o) as ExemptionGround),
    description: 'End or review date of the exemption; required for grounds a–f (Pasal 20)',
  })
  exemptionUntil?: string;
}

/** POST /api/v1/requests/:id/notice and the officer's notice form: a written notice or a refusal. */
export class NoticeDto {
  @ChoiceField({ label: 'Keputusan', values: DECISIONS, message: 'Pilih keputusan.' })
  decision: Decision;

  @BooleanField({
    label: 'Penguasaan informasi',
    message: 'Nyatakan apakah informasi berada di bawah penguasaan badan publik.',
    // Asked of every decision but not_held; without a decision only the decision itself is named.
    required: (o) => typeof o.decision === 'string' && Object.hasOwn(DECISIONS, o.decision) && o.decision !== 'not_held',
    description: 'Whether the body holds the information; false when not_held',
  })
  informationHeld?: boolean;

  @TextField({ label: 'Badan publik yang menguasai informasi', max: 300, required: false, description: 'When not held and the holder is known' })
  holderBody?: string;

  @TextField({ label: 'Bahan informasi yang diberikan', max: 5000, required: granting })
  material?: string;

  @TextField({ label: 'Bagian yang dihitamkan beserta alasannya', max: 5000, required: (o) => o.decision === 'partially_granted' })
  redactions?: string;

  @ChoiceField({ label: 'Bentuk informasi', values: FORMATS, message: 'Pilih bentuk informasi: softcopy atau hardcopy.', required: granting })
  format?: InformationFormat;

  @ChoiceField({ label: 'Cara penyampaian informasi', values: COPY_DELIVERIES, message: 'Pilih cara penyampaian informasi.', required: granting })
  delivery?: CopyDelivery;

  @WholeNumberField({ label: 'Biaya', min: 0, max: 1_000_000_000, required: false, separators: /[.\s]/g, message: 'Biaya harus bilangan bulat rupiah, 0 bila tanpa biaya.', description: 'Rupiah; 0 or absent when free' })
  fee?: number;

  @TextField({ label: 'Cara pembayaran', max: 500, required: (o) => typeof o.fee === 'number' && o.fee > 0 })
  paymentMethod?: string;

  @TextField({ label: 'Waktu yang dibutuhkan', max: 500, required: false })
  timeNeeded?: string;

  @TextField({ label: 'Alasan penolakan', max: 5000, required: refusing, description: 'Required when refused; otherwise an optional remark' })
  reason?: string;

  @ChoiceField({ label: 'Alasan pengecualian Pasal 17', values: EXEMPTION_GROUNDS, message: 'Pilih alasan pengecualian Pasal 17 huruf a sampai j.', required: refusing })
  exemptionGround?: ExemptionGround;

  @TextField({ label: 'Undang-undang yang menutup informasi', max: 500, required: (o) => refusing(o) && o.exemptionGround === 'j', description: 'Required for ground j' })
  exemptionLaw?: string;

  @NestedField(ConsequenceTestDto, { label: 'Uji konsekuensi', required: refusing, description: 'Required when refused' })
  consequenceTest: ConsequenceTestDto = new ConsequenceTestDto();

  @ApiPropertyOptional({ type: 'integer', description: 'The version of the request the officer saw; a stale one answers 409' })
  @Allow()
  version?: unknown;
}

