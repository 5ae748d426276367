import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError, ValidationFailed } from 'src/common/errors/domain-error';
import { statusOf } from 'src/common/errors/domain-error';
import { AcceptsUploads, uploadedFiles } from 'src/common/uploads/accepts-uploads';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { BodiesService } from 'src/modules/bodies';
import { IntakeService } from 'src/modules/requests/intake/intake.service';
import { validSubmissionKey } from 'src/modules/requests/intake/idempotency';
import { nestFormFields, newSubmissionKey, requestFormView } from 'src/modules/requests/intake/request-form';
import { SubmissionKeyReused } from 'src/modules/requests/request.errors';
import { CHANNELS, optionsOf } from 'src/modules/requests/request-options';
import { formatTrackingCode } from 'src/modules/requests/tracking/tracking-code';
import { HANDOVER_UPLOAD, IDENTITY_DOCUMENT_UPLOAD } from 'src/modules/requests/upload-rules';
import { DocumentDownloads } from './document-downloads';
import { QueuePageQuery } from './dto/queue.query';
import { presentOfficerRequest } from './officer-request.presenter';
import { RequestCaseFiles } from './request-case-files';
import { presentReceipt } from 'src/modules/requests/receipt.presenter';
import { RequestReceipts } from 'src/modules/requests/request-receipts';
import { AppConfig } from 'src/config/app-config';
import { presentQueuePage, QueuePageView } from './queue.presenter';
import { QueueService } from './queue.service';
import { RequestWorkflowService } from './request-workflow.service';
import { IdParamPipe } from 'src/common/validation/whole-number';

const REQUEST_ID = new IdParamPipe('Permohonan tidak ditemukan.');
const DOCUMENT_ID = new IdParamPipe('Dokumen tidak ditemukan.');

type Form = Record<string, string | undefined>;

const DONE: Record<string, string> = {
  perpanjang: 'Perpanjangan waktu tersimpan; surat dikirim kepada pemohon.',
  pemberitahuan: 'Pemberitahuan tertulis tersimpan; surat dikirim kepada pemohon.',
  disposisi: 'Permohonan telah diteruskan.',
  serah: 'Dokumen telah diserahkan dan dapat diunduh pemohon.',
  tutup: 'Permohonan ditutup.',
  tugaskan: 'Penugasan tersimpan.',
  catatan: 'Catatan tersimpan.',
};

/** Nested form names such as consequenceTest.date, as the notice validator expects them. */
function noticeFields(form: Form): Record<string, unknown> {
  return nestFormFields(Object.fromEntries(Object.entries(form).filter(([k]) => !k.startsWith('_'))));
}

@ApiExcludeController()
@Controller('petugas')
@Authenticated('officer', 'supervisor', 'bureau', 'admin')
export class OfficerPagesController {
  constructor(
    private readonly queue: QueueService,
    private readonly workflow: RequestWorkflowService,
    private readonly caseFiles: RequestCaseFiles,
    private readonly receipts: RequestReceipts,
    private readonly config: AppConfig,
    private readonly intake: IntakeService,
    private readonly bodies: BodiesService,
    private readonly downloads: DocumentDownloads,
  ) {}

  @Get()
  @Render('officer/queue')
  async queuePage(@CurrentActor() actor: Actor, @Query() q: QueuePageQuery): Promise<QueuePageView> {
    const page = await this.queue.page(
      actor,
      { status: q.status, state: q.state, channel: q.channel, assignee: q.assignee, q: q.q, after: q.after, unitId: q.unit },
      new Date(),
    );
    const filters = { status: q.status ?? '', state: q.state ?? '', channel: q.channel ?? '', assignee: q.assignee ?? '', q: q.q ?? '' };
    return presentQueuePage(page, filters, actor.role === 'officer');
  }

  @Get('permohonan/baru')
  async newOffline(@CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    await this.renderOfflineForm(res, actor, {}, {}, newSubmissionKey(), 200);
  }

  @Post('permohonan')
  @AcceptsUploads(IDENTITY_DOCUMENT_UPLOAD)
  async recordOffline(@CurrentActor() actor: Actor, @Req() req: Request, @Body() body: Form, @Res() res: Response): Promise<void> {
    const values = Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v === 'string' && !k.startsWith('_'))) as Record<string, string>;
    try {
      const result = await this.intake.recordOffline(
        actor,
        {
          body: nestFormFields(values),
          channel: values.channel,
          receivedAt: values.receivedAt,
          identityDocument: uploadedFiles(req, 'identityDocument')[0],
          submissionKey: values.submissionKey,
        },
        new Date(),
      );
      res.status(201).render('officer/recorded', {
        title: 'Permohonan dicatat',
        receipt: presentReceipt(result.receipt, this.config.appUrl),
        trackingCode: formatTrackingCode(result.trackingCode),
      });
    } catch (e) {
      if (e instanceof SubmissionKeyReused) {
        await this.renderOfflineForm(res, actor, values, { form: e.message }, newSubmissionKey(), 422);
        return;
      }
      if (!(e instanceof ValidationFailed) || !e.errors) throw e;
      await this.renderOfflineForm(res, actor, values, e.errors, validSubmissionKey(values.submissionKey) ?? newSubmissionKey(), 400);
    }
  }

  @Get('permohonan/:id')
  async detail(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Query('selesai') done: string | undefined, @Res() res: Response): Promise<void> {
    await this.renderDetail(res, actor, id, 200, { done: done && Object.hasOwn(DONE, done) ? DONE[done] : undefined });
  }

  @Get('permohonan/:id/identitas')
  async identity(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Res() res: Response): Promise<void> {
    const file = await this.downloads.identityDocument(actor, id);
    res.set({ 'Content-Type': file.mediaType, 'Content-Disposition': `inline; filename="${file.filename}"`, 'Cache-Control': 'no-store' });
    res.send(file.content);
  }

  @Get('permohonan/:id/dokumen/:docId')
  async document(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Param('docId', DOCUMENT_ID) docId: string, @Res() res: Response): Promise<void> {
    const request = await this.workflow.visibleRequest(actor, id);
    const file = await this.downloads.document(request, docId);
    res.set({ 'Content-Type': file.mediaType, 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'no-store' });
    res.send(file.content);
  }

  // Every action posts here; only the handover (serah) sends files.
  @Post('permohonan/:id/:action')
  @AcceptsUploads(HANDOVER_UPLOAD)
  async act(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Param('id', REQUEST_ID) id: string,
    @Param('action') action: string,
    @Body() form: Form,
    @Res() res: Response,
  ): Promise<void> {
    const now = new Date();
    try {
      switch (action) {
        case 'perpanjang':
          await this.workflow.extend(actor, id, { workingDays: form.workingDays, reason: form.reason, version: form.version }, now);
          break;
        case 'pemberitahuan':
          await this.workflow.notice(actor, id, noticeFields(form), now);
          break;
        case 'disposisi':
          await this.workflow.forward(actor, id, { unitId: form.unitId, note: form.note, version: form.version }, now);
          break;
        case 'serah':
          await this.workflow.handover(actor, id, uploadedFiles(req, 'files'), form.version, now);
          break;
        case 'tutup':
          await this.workflow.close(actor, id, form.version, now);
          break;
        case 'tugaskan':
          await this.workflow.assign(actor, id, form.assigneeId, form.version, now);
          break;
        case 'catatan':
          await this.workflow.addNote(actor, id, form.note, now);
          break;
        default:
          res.status(404).render('errors/error', { title: 'Halaman tidak ditemukan', statusCode: 404, message: 'Tindakan tidak dikenal.', errors: [] });
          return;
      }
      // Forwarding may move the request out of this officer's units; the queue is the safe place then.
      const stillVisible = await this.workflow.visibleRequest(actor, id).then(() => true, () => false);
      res.redirect(303, stillVisible ? `/petugas/permohonan/${id}?selesai=${action}` : '/petugas');
    } catch (e) {
      if (!(e instanceof DomainError) || e.code === 'not_found' || e.code === 'not_allowed') throw e;
      const errors = e.errors ?? {};
      const typed = Object.fromEntries(Object.entries(form).filter(([k]) => !k.startsWith('_')).map(([k, v]) => [k.replace(/\./g, '_'), v]));
      await this.renderDetail(res, actor, id, statusOf(e.code), {
        failed: {
          action,
          message: e instanceof ValidationFailed ? 'Periksa kembali isian yang ditandai di bawah.' : e.message,
          errors,
          errorList: Object.values(errors),
          values: form,
        },
        // What the officer typed into the notice form, to fill it again.
        nv: action === 'pemberitahuan' ? typed : undefined,
      });
    }
  }

  private async renderDetail(res: Response, actor: Actor, id: string, status: number, extra: object): Promise<void> {
    const request = await this.workflow.visibleRequest(actor, id);
    const file = await this.caseFiles.load(actor, request, new Date());
    const view = presentOfficerRequest(file, presentReceipt(await this.receipts.of(request, file.unit), this.config.appUrl));
    res.status(status).render('officer/request', { ...view, ...extra });
  }

  private async renderOfflineForm(
    res: Response,
    actor: Actor,
    values: Record<string, string>,
    errors: Record<string, string>,
    submissionKey: string,
    status: number,
  ): Promise<void> {
    const unitId = values.unitId ? Number(values.unitId) : actor.unitId;
    const unit = await this.bodies.getUnit(unitId ?? 0);
    const base = requestFormView(unit, { 'requester.type': 'individual', ...values }, errors, submissionKey) as Record<string, unknown>;
    res.status(status).render('officer/new-request', {
      ...base,
      title: 'Catat permohonan luring',
      channels: optionsOf(
        Object.fromEntries(Object.entries(CHANNELS).filter(([k]) => k !== 'online')) as Record<string, string>,
        values.channel ?? 'walk_in',
      ),
      receivedAt: values.receivedAt ?? '',
    });
  }
}
