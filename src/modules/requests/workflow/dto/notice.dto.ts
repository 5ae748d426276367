import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { BooleanField, ChoiceField, contextOf, FieldRule, PARENT, LocalDateField, NestedField, TextField, TextListField, WholeNumberField } from 'src/common/forms/fields';
import { isValidLocalDate } from 'src/common/time/local-time';
import { COPY_DELIVERIES, CopyDelivery } from 'src/modules/requests/request-options';
import {
  DECISIONS,
  Decision,
  EXEMPTION_GROUNDS,
  ExemptionGround,
  FORMATS,
  holdingContradiction,
  InformationFormat,
  TEMPORARY_GROUNDS,
  withholds,
} from 'src/modules/requests/workflow/notice-rules';

type Input = Record<string, unknown>;

/** Cross-field rules of the written notice: what each decision needs (Pasal 22(7), Pasal 17, Pasal 19, Pasal 20). */
const granting = (o: Input): boolean => o.decision === 'granted' || o.decision === 'partially_granted';
const refusing = (o: Input): boolean => o.decision === 'refused';
/** A refusal, or a partial grant that withholds part under Pasal 17: both need a ground and a consequence test. */
const withholding = (o: Input): boolean => typeof o.decision === 'string' && withholds(o.decision as Decision);
/** The input a consequence test sits in. */
function parentOf(o: Input): Input {
  return (o as { [PARENT]?: Input })[PARENT] ?? {};
}
/** The ground of the notice a consequence test belongs to (grounds a–f need an end date). */
function groundOfParent(o: Input): unknown {
  const ground = parentOf(o).exemptionGround;
  return typeof ground === 'string' ? ground.trim() : undefined;
}
/** The local date the notice is decided on, given by the service (validateDto's context); absent, no date is checked against it. */
function todayOf(o: Input): string | null {
  const today = contextOf(o).today;
  return typeof today === 'string' ? today : null;
}
const validDate = (v: unknown): v is string => typeof v === 'string' && isValidLocalDate(v);

/** The consequence test (uji konsekuensi, Pasal 2(4) and 19) behind a refusal or a partial grant. */
export class ConsequenceTestDto {
  @FieldRule('notInFuture', (v, o) => !validDate(v) || todayOf(o) === null || v <= todayOf(o)!, () => 'Tanggal uji konsekuensi tidak boleh sesudah hari ini: uji konsekuensi dilakukan sebelum keputusan.')
  @LocalDateField({ label: 'Tanggal uji konsekuensi', message: 'Isi tanggal uji konsekuensi.' })
  date: string;

  @TextField({ label: 'Informasi yang dikecualikan', max: 2000, description: 'The specific information withheld' })
  information: string;

  @TextField({ label: 'Konsekuensi bila informasi dibuka', max: 5000, description: 'The harm if it were opened' })
  consequence: string;

  @TextField({ label: 'Alasan kepentingan publik tidak lebih besar', max: 5000, description: 'Why the public interest does not outweigh that harm' })
  publicInterest: string;

  @TextListField({ label: 'Peserta uji konsekuensi', maxItems: 50, maxLength: 300, description: 'Who took part: a list, or one per line in the form' })
  participants: string[];

  @TextField({ label: 'Dasar hukum pengecualian', max: 1000, description: 'The rule applied, e.g. Pasal 17 huruf h UU 14/2008 jo. …' })
  legalBasis: string;

  @FieldRule(
    'afterToday',
    (v, o) => !validDate(v) || todayOf(o) === null || v > todayOf(o)!,
    () => 'Tanggal akhir pengecualian harus sesudah hari ini (Pasal 20): pengecualian yang sudah berakhir tidak dapat menjadi dasar penolakan.',
  )
  @LocalDateField({
    label: 'Tanggal akhir pengecualian',
    message: 'Tanggal akhir pengecualian tidak valid.',
    required: (o) => TEMPORARY_GROUNDS.has(groundOfParent(o) as ExemptionGround),
    description: 'End or review date of the exemption, after today; required for grounds a–f (Pasal 20)',
  })
  exemptionUntil?: string;
}

/** POST /api/v1/requests/:id/notice and the officer's notice form: a written notice or a refusal. */
export class NoticeDto {
  @ChoiceField({ label: 'Keputusan', values: DECISIONS, message: 'Pilih keputusan.' })
  decision: Decision;

  @FieldRule(
    'consistentHolding',
    (v, o) => typeof v !== 'boolean' || holdingContradiction(o.decision as Decision, v) === null,
    (o) => holdingContradiction(o.decision as Decision, o.informationHeld as boolean) ?? '',
  )
  @BooleanField({
    label: 'Penguasaan informasi',
    message: 'Nyatakan apakah informasi berada di bawah penguasaan badan publik.',
    // Asked of every decision but not_held; without a decision only the decision itself is named.
    required: (o) => typeof o.decision === 'string' && Object.hasOwn(DECISIONS, o.decision) && o.decision !== 'not_held',
    description: 'Whether the body holds the information: true when granted, partially granted or refused; false (or absent) when not_held',
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

  @ChoiceField({
    label: 'Alasan pengecualian Pasal 17',
    values: EXEMPTION_GROUNDS,
    message: 'Pilih alasan pengecualian Pasal 17 huruf a sampai j.',
    required: withholding,
    description: 'Required when refused or partially granted (the part withheld)',
  })
  exemptionGround?: ExemptionGround;

  @TextField({ label: 'Undang-undang yang menutup informasi', max: 500, required: (o) => withholding(o) && o.exemptionGround === 'j', description: 'Required for ground j' })
  exemptionLaw?: string;

  @WholeNumberField({
    label: 'Informasi dikecualikan yang sudah ada',
    min: 1,
    max: 2147483647,
    required: false,
    message: 'Pilih informasi yang dikecualikan dari daftar.',
    description: 'When refused or partially granted: an active dikecualikan item of the body’s DIP (same Pasal 17 ground) this consequence test joins; absent: a new item is added',
  })
  exemptionItemId?: number;

  @NestedField(ConsequenceTestDto, { label: 'Uji konsekuensi', required: withholding, description: 'Required when refused or partially granted' })
  consequenceTest: ConsequenceTestDto = new ConsequenceTestDto();

  @ApiPropertyOptional({ type: 'integer', description: 'The version of the request the officer saw; a stale one answers 409' })
  @Allow()
  version?: unknown;
}
