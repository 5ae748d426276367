import { Body, Controller, Get, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { AcceptsUploads, uploadedFiles } from 'src/common/uploads/accepts-uploads';
import { MAX_INT4, WholeNumberPipe } from 'src/common/validation/whole-number';
import { BodiesService } from 'src/modules/bodies';
import { DocumentDownloads } from 'src/modules/requests/workflow/document-downloads';
import { IntakeService } from 'src/modules/requests/intake/intake.service';
import { nestFormFields, newSubmissionKey, REQUEST_FORM_FIELDS, RequestFormView, requestFormView, typedValues } from 'src/modules/requests/intake/request-form';
import { submitForm } from 'src/common/forms/form-page';
import { validSubmissionKey } from 'src/modules/requests/intake/idempotency';
import { RequestNotFound, SubmissionKeyReused } from 'src/modules/requests/request.errors';
import { formatTrackingCode } from 'src/modules/requests/tracking/tracking-code';
import { TrackingSections } from 'src/modules/requests/tracking/tracking-sections';
import { TrackingService } from 'src/modules/requests/tracking/tracking.service';
import { IDENTITY_DOCUMENT_UPLOAD } from 'src/modules/requests/upload-rules';
import { AppConfig } from 'src/config/app-config';
import { presentReceipt } from 'src/modules/requests/receipt.presenter';
import { presentTracking } from 'src/modules/requests/tracking/tracking.presenter';

type FormBody = Record<string, string | undefined>;

@ApiExcludeController()
@Controller()
export class RequestPagesController {
  constructor(
    private readonly intake: IntakeService,
    private readonly tracking: TrackingService,
    private readonly bodies: BodiesService,
    private readonly downloads: DocumentDownloads,
    private readonly config: AppConfig,
    private readonly sections: TrackingSections,
  ) {}

  /** The form; also at /permohonan?unit=…, the address a failed submission stays at, so it can be reopened. */
  @Get(['permohonan/baru', 'permohonan'])
  @Render('requests/new')
  async newRequest(
    @Query('unit', new WholeNumberPipe({ min: 1, max: MAX_INT4, message: 'Pilih unit PPID tujuan dari halaman badan publik.' })) unitId: number,
  ): Promise<RequestFormView> {
    const unit = await this.bodies.getUnit(unitId);
    return requestFormView(unit, { 'requester.type': 'individual' }, newSubmissionKey());
  }

  @Post('permohonan')
  @AcceptsUploads(IDENTITY_DOCUMENT_UPLOAD)
  async submit(@Req() req: Request, @Body() body: FormBody, @Res() res: Response): Promise<void> {
    const values = typedValues(body, REQUEST_FORM_FIELDS);
    const identityDocument = uploadedFiles(req, 'identityDocument')[0];
    await submitForm(
      res,
      {
        fields: REQUEST_FORM_FIELDS,
        values,
        formAnchor: 'formulir',
        shows: (e) => e instanceof SubmissionKeyReused,
        files: [{ field: 'identityDocument', chosen: Boolean(identityDocument && identityDocument.size > 0), label: 'berkas dokumen identitas' }],
        render: async (_state, failure) => {
          const unit = typeof body.unitId === 'string' && /^\d{1,9}$/.test(body.unitId) ? await this.bodies.findActiveUnit(Number(body.unitId)) : null;
          if (!unit) throw new ValidationFailed(failure.errors);
          // A reused key gets a new one, so the changed form can be sent as the new request it is.
          const key = failure.status === 422 ? newSubmissionKey() : (validSubmissionKey(body.submissionKey) ?? newSubmissionKey());
          return { view: 'requests/new', model: requestFormView(unit, values, key) };
        },
      },
      async () => {
        const result = await this.intake.submitOnline({
          body: { ...nestFormFields(values), unitId: body.unitId },
          identityDocument,
          identityDocumentRequired: true,
          submissionKey: body.submissionKey,
          honeypot: body.website,
          clientIp: req.ip ?? 'unknown',
          now: new Date(),
        });
        res.status(result.duplicate ? 200 : 201).render('requests/confirmation', {
          title: 'Permohonan diterima',
          receipt: presentReceipt(result.receipt, this.config.appUrl),
          trackingCode: formatTrackingCode(result.trackingCode),
        });
      },
    );
  }

  @Get('lacak')
  @Render('tracking/index')
  trackForm(@Query('nomor') nomor?: string): { title: string; values: { nomor: string } } {
    return { title: 'Lacak permohonan', values: { nomor: typeof nomor === 'string' ? nomor.slice(0, 40) : '' } };
  }

  @Post('lacak')
  async track(@Req() req: Request, @Body() body: FormBody, @Res() res: Response): Promise<void> {
    const nomor = (body.nomor ?? '').slice(0, 40);
    const kode = (body.kode ?? '').slice(0, 40);
    try {
      const request = await this.tracking.find(nomor, kode, req.ip ?? 'unknown');
      const view = presentTracking(await this.tracking.record(request), this.config.appUrl);
      const sections = await this.sections.of(request, new Date());
      res.status(200).render('tracking/result', { title: `Permohonan ${request.registrationNumber}`, ...view, sections, kode });
    } catch (e) {
      if (!(e instanceof RequestNotFound)) throw e;
      res.status(404).render('tracking/index', { title: 'Lacak permohonan', values: { nomor }, notFound: e.message });
    }
  }

  @Post('lacak/dokumen')
  async document(@Req() req: Request, @Body() body: FormBody, @Res() res: Response): Promise<void> {
    const request = await this.tracking.find(body.nomor ?? '', body.kode ?? '', req.ip ?? 'unknown');
    const file = await this.downloads.document(request, body.dokumen ?? '');
    res
      .status(200)
      .set({ 'Content-Type': file.mediaType, 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'no-store' })
      .send(file.content);
  }

  @Post('lacak/tanda-terima')
  async receipt(@Req() req: Request, @Body() body: FormBody, @Res() res: Response): Promise<void> {
    const request = await this.tracking.find(body.nomor ?? '', body.kode ?? '', req.ip ?? 'unknown');
    const pdf = await this.tracking.receiptPdf(request, new Date());
    res
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="tanda-terima-${request.registrationNumber}.pdf"`,
        'Cache-Control': 'no-store',
      })
      .send(pdf);
  }
}
