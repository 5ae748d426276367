import { Body, Controller, Get, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { AcceptsUploads, uploadedFiles } from 'src/common/uploads/accepts-uploads';
import { MAX_INT4, WholeNumberPipe } from 'src/common/validation/whole-number';
import { BodiesService } from 'src/modules/bodies';
import { DocumentDownloads } from 'src/modules/requests/workflow/document-downloads';
import { IntakeService } from 'src/modules/requests/intake/intake.service';
import { nestFormFields, newSubmissionKey, requestFormView } from 'src/modules/requests/intake/request-form';
import { validSubmissionKey } from 'src/modules/requests/intake/idempotency';
import { RequestNotFound, SubmissionKeyReused } from 'src/modules/requests/request.errors';
import { formatTrackingCode } from 'src/modules/requests/tracking/tracking-code';
import { TrackingService } from 'src/modules/requests/tracking/tracking.service';
import { IDENTITY_DOCUMENT_UPLOAD } from 'src/modules/requests/upload-rules';
import { AppConfig } from 'src/config/app-config';
import { presentReceipt } from 'src/modules/requests/receipt.presenter';
import { presentTracking } from 'src/modules/requests/tracking/tracking.presenter';

type FormBody = Record<string, string | undefined>;

function stringValues(body: FormBody): Record<string, string> {
  return Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v === 'string' && !k.startsWith('_')) as [string, string][]);
}

@ApiExcludeController()
@Controller()
export class RequestPagesController {
  constructor(
    private readonly intake: IntakeService,
    private readonly tracking: TrackingService,
    private readonly bodies: BodiesService,
    private readonly downloads: DocumentDownloads,
    private readonly config: AppConfig,
  ) {}

  @Get('permohonan/baru')
  @Render('requests/new')
  async newRequest(
    @Query('unit', new WholeNumberPipe({ min: 1, max: MAX_INT4, message: 'Pilih unit PPID tujuan dari halaman badan publik.' })) unitId: number,
  ): Promise<object> {
    const unit = await this.bodies.getUnit(unitId);
    return requestFormView(unit, { 'requester.type': 'individual' }, {}, newSubmissionKey());
  }

  @Post('permohonan')
  @AcceptsUploads(IDENTITY_DOCUMENT_UPLOAD)
  async submit(@Req() req: Request, @Body() body: FormBody, @Res() res: Response): Promise<void> {
    const values = stringValues(body);
    try {
      const result = await this.intake.submitOnline({
        body: nestFormFields(values),
        identityDocument: uploadedFiles(req, 'identityDocument')[0],
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
    } catch (e) {
      const reused = e instanceof SubmissionKeyReused;
      if (!reused && (!(e instanceof ValidationFailed) || !e.errors)) throw e;
      const unit = await this.bodies.findActiveUnit(Number(values.unitId));
      if (!unit) throw e;
      // A reused key gets a new one, so the changed form can be sent as the new request it is.
      const key = reused ? newSubmissionKey() : (validSubmissionKey(body.submissionKey) ?? newSubmissionKey());
      const errors = reused ? { form: e.message } : ((e as ValidationFailed).errors ?? {});
      res.status(reused ? 422 : 400).render('requests/new', requestFormView(unit, values, errors, key));
    }
  }

  @Get('lacak')
  @Render('tracking/index')
  trackForm(@Query('nomor') nomor?: string): object {
    return { title: 'Lacak permohonan', values: { nomor: typeof nomor === 'string' ? nomor.slice(0, 40) : '' } };
  }

  @Post('lacak')
  async track(@Req() req: Request, @Body() body: FormBody, @Res() res: Response): Promise<void> {
    const nomor = (body.nomor ?? '').slice(0, 40);
    const kode = (body.kode ?? '').slice(0, 40);
    try {
      const request = await this.tracking.find(nomor, kode, req.ip ?? 'unknown');
      const view = presentTracking(await this.tracking.record(request), this.config.appUrl);
      res.status(200).render('tracking/result', { title: `Permohonan ${request.registrationNumber}`, ...view, kode });
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
