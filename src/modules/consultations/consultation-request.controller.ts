import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { submitForm } from 'src/common/forms/form-page';
import { AcceptsUploads, uploadedFiles } from 'src/common/uploads/accepts-uploads';
import { AppConfig } from 'src/config/app-config';
import { BodiesService } from 'src/modules/bodies';
import {
  formatTrackingCode,
  IDENTITY_DOCUMENT_UPLOAD,
  IntakeService,
  nestFormFields,
  newSubmissionKey,
  presentReceipt,
  REQUEST_FORM_FIELDS,
  requestFormView,
  SubmissionKeyReused,
  typedValues,
  validSubmissionKey,
} from 'src/modules/requests';
import { ConsultationsService } from './consultations.service';

type Form = Record<string, string | undefined>;

function text(v: unknown, max: number): string {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** Form values keyed as the request form's fields show them ('requester.name' → 'requester_name'). */
function keyed(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k.replace(/\./g, '_'), v]));
}

/**
 * One click from the tracking page of a consultation to a request: the request form of the
 * consultation's unit, filled in with the question as the information wanted and the asker's name
 * and e-mail; once filed, the consultation links to the request.
 */
@ApiExcludeController()
@Controller('konsultasi/permohonan')
export class ConsultationRequestController {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly intake: IntakeService,
    private readonly bodies: BodiesService,
    private readonly config: AppConfig,
  ) {}

  /** From the tracking page (number and code): the request form, filled in. */
  @Post()
  async start(@Req() req: Request, @Body() form: Form, @Res() res: Response): Promise<void> {
    const nomor = text(form.nomor, 40);
    const kode = text(form.kode, 40);
    const record = await this.consultations.find(nomor, kode, req.ip ?? 'unknown');
    if (record.consultation.requestNumber) {
      res.redirect(303, `/lacak?nomor=${encodeURIComponent(record.consultation.requestNumber)}`);
      return;
    }
    const draft = this.consultations.requestDraft(record);
    const unit = await this.bodies.getUnit(draft.unitId);
    res.set('Cache-Control', 'no-store');
    res.status(200).render('requests/new', {
      ...requestFormView(unit, draft.values, newSubmissionKey()),
      values: keyed(draft.values),
      fromConsultation: { number: record.consultation.number, code: kode },
    });
  }

  /** The filled-in form sent: registered like any online request, at the consultation's unit. */
  @Post('kirim')
  @AcceptsUploads(IDENTITY_DOCUMENT_UPLOAD)
  async submit(@Req() req: Request, @Body() body: Form, @Res() res: Response): Promise<void> {
    const values = typedValues(body, REQUEST_FORM_FIELDS);
    const identityDocument = uploadedFiles(req, 'identityDocument')[0];
    const from = { number: text(body.konsultasi, 40), code: text(body.kodeKonsultasi, 40) };
    const clientIp = req.ip ?? 'unknown';
    await submitForm(
      res,
      {
        fields: REQUEST_FORM_FIELDS,
        values,
        formAnchor: 'formulir',
        shows: (e) => e instanceof SubmissionKeyReused,
        files: [{ field: 'identityDocument', chosen: Boolean(identityDocument && identityDocument.size > 0), label: 'berkas dokumen identitas' }],
        render: async (_state, failure) => {
          const record = await this.consultations.find(from.number, from.code, clientIp);
          const unit = await this.bodies.getUnit(record.consultation.unitId);
          const key = failure.status === 422 ? newSubmissionKey() : (validSubmissionKey(body.submissionKey) ?? newSubmissionKey());
          return { view: 'requests/new', model: { ...requestFormView(unit, values, key), fromConsultation: from } };
        },
      },
      async () => {
        const record = await this.consultations.find(from.number, from.code, clientIp);
        const result = await this.intake.submitOnline({
          body: { ...nestFormFields(values), unitId: String(record.consultation.unitId) },
          identityDocument,
          identityDocumentRequired: true,
          submissionKey: body.submissionKey,
          honeypot: body.website,
          clientIp,
          now: new Date(),
        });
        await this.consultations.linkRequest(record, { id: result.receipt.request.id, number: result.receipt.request.registrationNumber });
        res.status(result.duplicate ? 200 : 201).render('requests/confirmation', {
          title: 'Permohonan diterima',
          receipt: presentReceipt(result.receipt, this.config.appUrl),
          trackingCode: formatTrackingCode(result.trackingCode),
        });
      },
    );
  }
}

