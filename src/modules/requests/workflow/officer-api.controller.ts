import { presentCreatedRequest } from 'src/modules/requests/receipt.presenter';
import { CreatedRequestDto } from 'src/modules/requests/dto/create-request.dto';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AcceptsUploads, uploadedFiles } from 'src/common/uploads/accepts-uploads';
import { AppConfig } from 'src/config/app-config';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { IntakeService } from 'src/modules/requests/intake/intake.service';
import { HANDOVER_UPLOAD } from 'src/modules/requests/upload-rules';
import { DocumentDownloads } from './document-downloads';
import { ExtensionDto, NoteDto } from './dto/officer-actions.dto';
import { NoticeDto } from './dto/notice.dto';
import { OfflineRequestDto } from 'src/modules/requests/dto/create-request.dto';
import { QueueApiQuery } from './dto/queue.query';
import { QueuePage, QueueService } from './queue.service';
import { RequestWorkflowService } from './request-workflow.service';
import { IdParamPipe } from 'src/common/validation/whole-number';

const REQUEST_ID = new IdParamPipe('Permohonan tidak ditemukan.');
const DOCUMENT_ID = new IdParamPipe('Dokumen tidak ditemukan.');

type Json = Record<string, unknown>;

@ApiTags('officer')
@Controller('api/v1')
@Authenticated('officer', 'supervisor', 'bureau', 'admin')
export class OfficerApiController {
  constructor(
    private readonly queue: QueueService,
    private readonly workflow: RequestWorkflowService,
    private readonly intake: IntakeService,
    private readonly config: AppConfig,
    private readonly downloads: DocumentDownloads,
  ) {}

  @Get('queue')
  @ApiOperation({ summary: 'Open requests of the units the caller may see, ordered by due date' })
  async queuePage(@CurrentActor() actor: Actor, @Query() q: QueueApiQuery): Promise<QueuePage> {
    return this.queue.page(actor, { ...q }, new Date());
  }

  @Post('requests/:id/extension')
  @ApiOperation({ summary: 'Extend once by 1–7 working days with a written reason (Pasal 22(8))' })
  @ApiBody({ type: ExtensionDto })
  @ApiResponse({ status: 400, description: '`errors` per field' })
  @ApiResponse({ status: 201, description: '{ "dueDate": "YYYY-MM-DD" }' })
  @ApiResponse({ status: 409, description: 'Already extended, the current due date has passed (Pasal 22(8)), or not allowed in this status' })
  extend(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Body() body: Json): Promise<{ dueDate: string }> {
    return this.workflow.extend(actor, id, { workingDays: body.workingDays, reason: body.reason, version: body.version }, new Date());
  }

  @Post('requests/:id/notice')
  @ApiOperation({ summary: 'Written notice (Pasal 22(7)) or refusal (Pasal 17 ground + consequence test)' })
  @ApiBody({
    type: NoticeDto,
    description:
      'What each decision needs: granted/partially_granted → material, format, delivery (partially: redactions, exemptionGround and consequenceTest for the part withheld); ' +
      'refused → exemptionGround, reason, consequenceTest (exemptionLaw for j, exemptionUntil for a–f); a fee above 0 → paymentMethod. ' +
      'Contradictions answer 400: granted, partially granted or refused with informationHeld false, not_held with informationHeld true, ' +
      'a consequence test dated after today, an exemptionUntil not after today.',
  })
  @ApiResponse({ status: 201, description: '{ "status", "letterUrl" }; a PPID Pelaksana\'s refusal answers status "awaiting_approval" and letterUrl null until its PPID Utama approves it' })
  @ApiResponse({ status: 400, description: '`errors` per field, e.g. `consequenceTest.date`' })
  async notice(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Body() body: Json): Promise<{ status: string; letterUrl: string | null }> {
    const result = await this.workflow.notice(actor, id, body, new Date());
    return { status: result.status, letterUrl: result.documentId ? `${this.config.appUrl}/api/v1/officer/requests/${id}/documents/${result.documentId}` : null };
  }

  @Get('officer/requests/:id/documents/:documentId')
  @ApiOperation({ summary: 'A letter or handed-over document of a request the caller may see' })
  async document(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Param('documentId', DOCUMENT_ID) documentId: string, @Res() res: Response): Promise<void> {
    const request = await this.workflow.visibleRequest(actor, id);
    const file = await this.downloads.document(request, documentId);
    res.status(200).set({ 'Content-Type': file.mediaType, 'Cache-Control': 'no-store' }).send(file.content);
  }

  @Post('requests/:id/forward')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forward (disposisi) to a PPID Pelaksana of the same body; the due date stays' })
  async forward(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Body() body: Json): Promise<void> {
    await this.workflow.forward(actor, id, { unitId: body.unitId, note: body.note, version: body.version }, new Date());
  }

  @Post('requests/:id/documents')
  @HttpCode(204)
  @AcceptsUploads(HANDOVER_UPLOAD)
  @ApiOperation({ summary: 'Hand over documents (multipart field "files"; PDF, images, office files; at most 5, 20 MB each)' })
  @ApiConsumes('multipart/form-data')
  @ApiResponse({ status: 413, description: 'A file over 20 MB, or a body over the route limit' })
  async handover(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Req() req: Request, @Body() body: Json): Promise<void> {
    await this.workflow.handover(actor, id, uploadedFiles(req, 'files'), body.version, new Date());
  }

  @Post('requests/:id/close')
  @HttpCode(204)
  async close(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Body() body: Json): Promise<void> {
    await this.workflow.close(actor, id, body.version, new Date());
  }

  @Post('requests/:id/assignment')
  @HttpCode(204)
  async assign(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Body() body: Json): Promise<void> {
    await this.workflow.assign(actor, id, body.assigneeId, body.version, new Date());
  }

  @Post('requests/:id/notes')
  @HttpCode(204)
  @ApiBody({ type: NoteDto })
  async note(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Body() body: Json): Promise<void> {
    await this.workflow.addNote(actor, id, body.note, new Date());
  }

  @Post('offline-requests')
  @ApiOperation({ summary: 'Record a walk-in, letter, e-mail or phone request with its real receipt time' })
  @ApiBody({ type: OfflineRequestDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: "The same key and body sent twice record one request; looked up only within the request's unit" })
  @ApiResponse({ status: 201, description: 'Same answer as POST /api/v1/requests' })
  @ApiResponse({ status: 422, description: 'The Idempotency-Key was already used with another body' })
  async recordOffline(@CurrentActor() actor: Actor, @Body() body: Json, @Headers('idempotency-key') idempotencyKey?: string): Promise<CreatedRequestDto> {
    const result = await this.intake.recordOffline(
      actor,
      { body, channel: body.channel, receivedAt: body.receivedAt, submissionKey: idempotencyKey },
      new Date(),
    );
    return presentCreatedRequest(result.receipt, result.trackingCode);
  }
}
