import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { NotFound } from 'src/common/errors/domain-error';
import { AcceptsUploads, uploadedFiles } from 'src/common/uploads/accepts-uploads';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { DeskNotice, DeskNoticeBoard } from 'src/common/desk/desk-notices';
import { BodiesService } from 'src/modules/bodies';
import { IntakeService } from 'src/modules/requests/intake/intake.service';
import { validSubmissionKey } from 'src/modules/requests/intake/idempotency';
import { nestFormFields, newSubmissionKey, OFFLINE_FORM_FIELDS, RequestFormView, requestFormView, typedValues } from 'src/modules/requests/intake/request-form';
import { submitForm } from 'src/common/forms/form-page';
import { SubmissionKeyReused } from 'src/modules/requests/request.errors';
import { CHANNELS, optionsOf } from 'src/modules/requests/request-options';
import { formatTrackingCode } from 'src/modules/requests/tracking/tracking-code';
import { IDENTITY_DOCUMENT_UPLOAD, OFFICER_ACTION_UPLOAD } from 'src/modules/requests/upload-rules';
import { RequestActionsService } from './request-actions.service';
import { DocumentDownloads } from './document-downloads';
import { QueuePageQuery } from './dto/queue.query';
import { OfficerRequestPageView, presentOfficerRequest } from './officer-request.presenter';
import { OfficerAction, RequestCaseFiles } from './request-case-files';
import { presentReceipt } from 'src/modules/requests/receipt.presenter';
import { RequestReceipts } from 'src/modules/requests/request-receipts';
import { AppConfig } from 'src/config/app-config';
import { presentQueuePage, QueuePageView } from './queue.presenter';
import { QueueService } from './queue.service';
import { OfficerRequestSections } from './officer-request-sections';
import { WithheldInformationRegister } from './withheld-information';
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
  penyampaian: 'Penyampaian informasi tercatat. Permohonan dapat ditutup.',
  'setujui-penolakan': 'Penolakan disetujui; surat penolakan dikirim kepada pemohon.',
  'kembalikan-penolakan': 'Rancangan penolakan dikembalikan kepada PPID Pelaksana.',
  ralat: 'Ralat tersimpan; surat ralat dikirim kepada pemohon.',
  'teruskan-badan': 'Permohonan diteruskan ke badan publik lain dan terdaftar di sana dengan nomor baru.',
  'ajukan-penolakan': 'Rancangan penolakan diajukan kepada PPID Utama. Surat dikirim kepada pemohon setelah PPID Utama menyetujuinya.',
};

/** Nested form names such as consequenceTest.date, as the notice validator expects them. */
function noticeFields(form: Form): Record<string, unknown> {
  return nestFormFields(Object.fromEntries(Object.entries(form).filter(([k]) => !k.startsWith('_'))));
}

/** The permission of the request page's `can` that shows each action's form. */
const ACTION_PERMISSION: Record<string, OfficerAction> = {
  perpanjang: 'extend',
  pemberitahuan: 'notice',
  disposisi: 'forward',
  serah: 'handover',
  tutup: 'close',
  tugaskan: 'assign',
  catatan: 'note',
  penyampaian: 'deliver',
  'setujui-penolakan': 'decideRefusal',
  'kembalikan-penolakan': 'decideRefusal',
  ralat: 'correct',
  'teruskan-badan': 'transfer',
};

/** Each action form's fields in the order it shows them (its summary follows it). */
const ACTION_FIELDS: Record<string, readonly string[]> = {
  perpanjang: ['workingDays', 'reason'],
  pemberitahuan: [
    'decision',
    'informationHeld',
    'material',
    'redactions',
    'format',
    'delivery',
    'fee',
    'paymentMethod',
    'timeNeeded',
    'exemptionGround',
    'exemptionLaw',
    'exemptionItemId',
    'reason',
    'consequenceTest.information',
    'consequenceTest.date',
    'consequenceTest.participants',
    'consequenceTest.consequence',
    'consequenceTest.publicInterest',
    'consequenceTest.legalBasis',
    'consequenceTest.exemptionUntil',
    'holderBody',
  ],
  disposisi: ['unitId', 'note'],
  serah: ['files'],
  tutup: [],
  tugaskan: ['assigneeId'],
  catatan: ['note'],
  penyampaian: ['deliveredOn', 'channel', 'note', 'proof'],
  'setujui-penolakan': [],
  'kembalikan-penolakan': ['reason'],
  ralat: ['documentId', 'original', 'corrected'],
  'teruskan-badan': ['bodyCode', 'note'],
};

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
    private readonly actions: RequestActionsService,
    private readonly sections: OfficerRequestSections,
    private readonly withheld: WithheldInformationRegister,
    private readonly desk: DeskNoticeBoard,
  ) {}

  @Get()
  @Render('officer/queue')
  async queuePage(@CurrentActor() actor: Actor, @Query() q: QueuePageQuery): Promise<QueuePageView & { deskNotices: DeskNotice[] }> {
    const now = new Date();
    const [page, deskNotices] = await Promise.all([
      this.queue.page(actor, { status: q.status, state: q.state, channel: q.channel, assignee: q.assignee, q: q.q, after: q.after, unitId: q.unit }, now),
      // Other things due on the desk (the annual report, the DIP, consultations), from modules the queue does not know.
      this.desk.noticesFor(actor, now),
    ]);
    const filters = { status: q.status ?? '', state: q.state ?? '', channel: q.channel ?? '', assignee: q.assignee ?? '', q: q.q ?? '' };
    return { ...presentQueuePage(page, filters, actor.role === 'officer'), deskNotices };
  }

  /** The form; also at /petugas/permohonan, the address a failed recording stays at. */
  @Get(['permohonan/baru', 'permohonan'])
  async newOffline(@CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    res.render('officer/new-request', await this.offlineFormView(actor, {}, newSubmissionKey()));
  }

  @Post('permohonan')
  @AcceptsUploads(IDENTITY_DOCUMENT_UPLOAD)
  async recordOffline(@CurrentActor() actor: Actor, @Req() req: Request, @Body() body: Form, @Res() res: Response): Promise<void> {
    const values = typedValues(body, OFFLINE_FORM_FIELDS);
    const identityDocument = uploadedFiles(req, 'identityDocument')[0];
    await submitForm(
      res,
      {
        fields: OFFLINE_FORM_FIELDS,
        values,
        formAnchor: 'formulir',
        shows: (e) => e instanceof SubmissionKeyReused,
        files: [{ field: 'identityDocument', chosen: Boolean(identityDocument && identityDocument.size > 0), label: 'pindaian dokumen identitas' }],
        render: async (_state, failure) => {
          const key = failure.status === 422 ? newSubmissionKey() : (validSubmissionKey(body.submissionKey) ?? newSubmissionKey());
          return { view: 'officer/new-request', model: await this.offlineFormView(actor, { ...values, unitId: body.unitId ?? '' }, key) };
        },
      },
      async () => {
        const result = await this.intake.recordOffline(
          actor,
          {
            body: { ...nestFormFields(values), unitId: body.unitId },
            channel: values.channel,
            receivedAt: values.receivedAt,
            identityDocument,
            submissionKey: body.submissionKey,
          },
          new Date(),
        );
        res.status(201).render('officer/recorded', {
          title: 'Permohonan dicatat',
          receipt: presentReceipt(result.receipt, this.config.appUrl),
          trackingCode: formatTrackingCode(result.trackingCode),
        });
      },
    );
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

  @Get('permohonan/:id/bukti-penyampaian')
  async deliveryProof(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Res() res: Response): Promise<void> {
    const file = await this.actions.deliveryProof(actor, id);
    res.set({ 'Content-Type': file.mediaType, 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'no-store' });
    res.send(file.content);
  }

  /** The address a failed action stays at: reopened, it shows the request page at that action's form. */
  @Get('permohonan/:id/:action')
  reopenAction(@Param('id', REQUEST_ID) id: string, @Param('action') action: string, @Res() res: Response): void {
    if (!Object.hasOwn(ACTION_FIELDS, action)) throw new NotFound('Tindakan tidak dikenal.');
    res.redirect(303, `/petugas/permohonan/${id}#aksi-${action}`);
  }

  // Every action posts here; only the handover (serah) and the delivery (penyampaian) send files.
  @Post('permohonan/:id/:action')
  @AcceptsUploads(OFFICER_ACTION_UPLOAD)
  async act(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Param('id', REQUEST_ID) id: string,
    @Param('action') action: string,
    @Body() form: Form,
    @Res() res: Response,
  ): Promise<void> {
    if (!Object.hasOwn(ACTION_FIELDS, action)) throw new NotFound('Tindakan tidak dikenal.');
    const fields = ACTION_FIELDS[action];
    const now = new Date();
    await submitForm(
      res,
      {
        fields,
        values: typedValues(form, fields),
        idPrefix: action,
        formAnchor: `aksi-${action}`,
        // Another unit's request or an officer-only action keep their own error page.
        shows: (e) => e.code !== 'not_found' && e.code !== 'not_allowed',
        render: async () => {
          const model = await this.detailModel(actor, id);
          // The summary sits in the action's own form; when that form is gone (the request moved on), at the top.
          const inline = ACTION_PERMISSION[action] === undefined || model.can[ACTION_PERMISSION[action]] === true;
          return { view: 'officer/request', model: { ...model, failedAction: action, failedInline: inline && (action !== 'disposisi' || model.forwardTargets.length > 0) } };
        },
      },
      async () => {
        let done = action;
        switch (action) {
          case 'perpanjang':
            await this.workflow.extend(actor, id, { workingDays: form.workingDays, reason: form.reason, version: form.version }, now);
            break;
          case 'pemberitahuan':
            // A PPID Pelaksana's refusal is only submitted: the page says so instead of "letter sent".
            if ((await this.workflow.notice(actor, id, noticeFields(form), now)).status === 'awaiting_approval') done = 'ajukan-penolakan';
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
          case 'penyampaian':
            await this.actions.recordDelivery(
              actor,
              id,
              { deliveredOn: form.deliveredOn, channel: form.channel, note: form.note, version: form.version },
              uploadedFiles(req, 'proof')[0],
              now,
            );
            break;
          case 'setujui-penolakan':
            await this.actions.approveRefusal(actor, id, form.version, now);
            break;
          case 'kembalikan-penolakan':
            await this.actions.returnRefusal(actor, id, { reason: form.reason, version: form.version }, now);
            break;
          case 'ralat':
            await this.actions.correctLetter(actor, id, { documentId: form.documentId, original: form.original, corrected: form.corrected, version: form.version }, now);
            break;
          case 'teruskan-badan':
            await this.actions.transfer(actor, id, { bodyCode: form.bodyCode, note: form.note, version: form.version }, now);
            break;
        }
        // Forwarding may move the request out of this officer's units; the queue is the safe place then.
        const stillVisible = await this.workflow.visibleRequest(actor, id).then(() => true, () => false);
        res.redirect(303, stillVisible ? `/petugas/permohonan/${id}?selesai=${done}` : '/petugas');
      },
    );
  }

  private async detailModel(
    actor: Actor,
    id: string,
  ): Promise<OfficerRequestPageView & { sections: Record<string, object>; exemptItems: { value: string; label: string }[] }> {
    const request = await this.workflow.visibleRequest(actor, id);
    const now = new Date();
    const file = await this.caseFiles.load(actor, request, now);
    const view = presentOfficerRequest(file, presentReceipt(await this.receipts.of(request, file.unit), this.config.appUrl));
    // A refusal may join an item already in the body's register of exempted information.
    const exemptItems = view.can.notice
      ? (await this.withheld.options(file.unit.bodyId)).map((i) => ({ value: String(i.id), label: `${i.title} (Pasal 17 huruf ${i.ground}${i.until ? `, sampai ${i.until}` : ''})` }))
      : [];
    return { ...view, exemptItems, sections: await this.sections.of(request, now) };
  }

  private async renderDetail(res: Response, actor: Actor, id: string, status: number, extra: { done?: string }): Promise<void> {
    res.status(status).render('officer/request', { ...(await this.detailModel(actor, id)), ...extra });
  }

  private async offlineFormView(
    actor: Actor,
    values: Record<string, string>,
    submissionKey: string,
  ): Promise<RequestFormView & { channels: { value: string; label: string; selected: boolean }[] }> {
    const unitId = values.unitId && /^\d{1,9}$/.test(values.unitId) ? Number(values.unitId) : actor.unitId;
    const unit = await this.bodies.getUnit(unitId ?? 0);
    return {
      ...requestFormView(unit, { 'requester.type': 'individual', ...values }, submissionKey),
      title: 'Catat permohonan luring',
      channels: optionsOf(
        Object.fromEntries(Object.entries(CHANNELS).filter(([k]) => k !== 'online')) as Record<string, string>,
        values.channel ?? 'walk_in',
      ),
    };
  }
}
