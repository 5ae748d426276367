import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { ChoiceField, LocalDateField, TextField } from 'src/common/forms/fields';
import { DELIVERY_CHANNELS, DeliveryChannel } from 'src/modules/requests/workflow/delivery-rules';

/** POST /api/v1/requests/:id/delivery and the officer's delivery form (the proof file comes as multipart field "proof"). */
export class DeliveryDto {
  @LocalDateField({ label: 'Tanggal penyampaian', message: 'Tanggal penyampaian tidak valid.', description: 'Local date the information reached the requester' })
  deliveredOn: string;

  @ChoiceField({ label: 'Cara penyampaian', values: DELIVERY_CHANNELS, message: 'Pilih cara penyampaian dari daftar.' })
  channel: DeliveryChannel;

  @TextField({ label: 'Keterangan bukti penyampaian', max: 2000, required: false, description: 'Proof in words (who received it, receipt number); a note, a proof file, or both' })
  note?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'The version of the request the officer saw; a stale one answers 409' })
  @Allow()
  version?: unknown;
}

/** POST /api/v1/requests/:id/refusal/return: why the PPID Utama sends a refusal back. */
export class ReturnRefusalDto {
  @TextField({ label: 'Alasan pengembalian', min: 10, max: 5000 })
  reason: string;
}

/** POST /api/v1/requests/:id/corrections: a ralat of a letter already sent. */
export class CorrectionDto {
  @TextField({ label: 'Surat yang diralat', max: 20, pattern: { regex: /^\d{1,18}$/, message: 'Pilih surat yang akan diralat.' }, description: 'Id of the letter (from the documents list)' })
  documentId: string;

  @TextField({ label: 'Tertulis', max: 2000, description: 'What the corrected letter says' })
  original: string;

  @TextField({ label: 'Seharusnya', max: 2000, description: 'What it should say' })
  corrected: string;
}

/** POST /api/v1/requests/:id/transfer: forward to another body's PPID Utama. */
export class TransferDto {
  @TextField({ label: 'Badan publik tujuan', max: 10, pattern: { regex: /^\d{2}(\.?\d{2})?$/, message: 'Pilih badan publik tujuan dari daftar.' }, example: '35.07' })
  bodyCode: string;

  @TextField({ label: 'Keterangan', max: 2000, required: false })
  note?: string;
}

/** POST /api/v1/requests/:number/withdrawal (with X-Tracking-Code) and the tracking page's form. */
export class WithdrawalDto {
  @TextField({ label: 'Alasan pencabutan', max: 2000, required: false })
  reason?: string;
}
