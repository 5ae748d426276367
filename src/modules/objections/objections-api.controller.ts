import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { AcceptsUploads, uploadedFiles } from 'src/common/uploads/accepts-uploads';
import { IdParamPipe } from 'src/common/validation/whole-number';
import { DecideObjectionDto, DisputeStageDto, FileObjectionDto, RecordDisputeDto } from './dto/objection.dto';
import { ObjectionView, presentObjection, presentRequesterObjections, TrackingObjectionsView } from './objections.presenter';
import { ObjectionsService } from './objections.service';
import { PROXY_DOCUMENT_UPLOAD } from './upload-rules';
import { DipExemptionsService, LinkedExemptItem } from 'src/modules/dip';

type Json = Record<string, unknown>;

const OBJECTION_ID = new IdParamPipe('Keberatan tidak ditemukan.');
const DISPUTE_ID = new IdParamPipe('Sengketa tidak ditemukan.');

function bodyOf(body: unknown): Json {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Json) : {};
}

/** The requester's side, proven by the tracking code like GET /api/v1/requests/<number>. */
@ApiTags('objections')
@Controller('api/v1/requests')
export class RequesterObjectionsApiController {
  constructor(private readonly objections: ObjectionsService) {}

  @Post(':number/objections')
  @HttpCode(201)
  @AcceptsUploads(PROXY_DOCUMENT_UPLOAD)
  @ApiOperation({ summary: 'File a keberatan to the atasan PPID (Pasal 35–36); multipart with `proxyDocument` when a kuasa files' })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiHeader({ name: 'X-Tracking-Code', required: true })
  @ApiBody({ type: FileObjectionDto })
  @ApiResponse({ status: 201, description: '{ "objectionNumber", "dueDate" } — the atasan answers by the end of dueDate (30 working days)' })
  @ApiResponse({ status: 400, description: '`errors` per field' })
  @ApiResponse({ status: 404, description: 'Unknown number or wrong code (the same answer)' })
  @ApiResponse({ status: 409, description: 'An objection of this request still waits for the atasan' })
  @ApiResponse({ status: 422, description: 'A ground has not arisen or its 30 working days have passed; the message says which and why' })
  async file(
    @Req() req: Request,
    @Param('number') number: string,
    @Body() body: Json,
    @Headers('x-tracking-code') code?: string,
  ): Promise<{ objectionNumber: string; dueDate: string }> {
    const request = await this.objections.findRequest(number, code ?? '', req.ip ?? 'unknown');
    const { objection } = await this.objections.file(request, { body: bodyOf(body), proxyDocument: uploadedFiles(req, 'proxyDocument')[0] }, new Date());
    return { objectionNumber: objection.number, dueDate: objection.dueDate };
  }

  @Get(':number/objections')
  @ApiOperation({ summary: 'The request’s objections with the atasan’s answers, the Komisi Informasi window and disputes; the grounds open today' })
  @ApiHeader({ name: 'X-Tracking-Code', required: true })
  async list(@Req() req: Request, @Param('number') number: string, @Headers('x-tracking-code') code?: string): Promise<TrackingObjectionsView> {
    const request = await this.objections.findRequest(number, code ?? '', req.ip ?? 'unknown');
    return presentRequesterObjections(await this.objections.ofRequest(request, new Date()));
  }

  @Post(':number/objections/:objectionNumber/dispute')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record the dispute filed with the Komisi Informasi (Pasal 37)' })
  @ApiHeader({ name: 'X-Tracking-Code', required: true })
  @ApiBody({ type: RecordDisputeDto })
  @ApiResponse({ status: 409, description: 'The atasan’s period still runs unanswered, or a dispute is already recorded' })
  async dispute(
    @Req() req: Request,
    @Param('number') number: string,
    @Param('objectionNumber') objectionNumber: string,
    @Body() body: Json,
    @Headers('x-tracking-code') code?: string,
  ): Promise<ObjectionView> {
    const request = await this.objections.findRequest(number, code ?? '', req.ip ?? 'unknown');
    return presentObjection(await this.objections.recordDisputeByRequester(request, objectionNumber, bodyOf(body), new Date()));
  }

  @Post(':number/disputes/:disputeId/stage')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a dispute’s stage (mediasi, ajudikasi, putusan) and its outcome; an opening decision reopens the request' })
  @ApiHeader({ name: 'X-Tracking-Code', required: true })
  @ApiBody({ type: DisputeStageDto })
  async stage(
    @Req() req: Request,
    @Param('number') number: string,
    @Param('disputeId', DISPUTE_ID) disputeId: string,
    @Body() body: Json,
    @Headers('x-tracking-code') code?: string,
  ): Promise<ObjectionView> {
    const request = await this.objections.findRequest(number, code ?? '', req.ip ?? 'unknown');
    return presentObjection(await this.objections.disputeStageByRequester(request, disputeId, bodyOf(body), new Date()));
  }
}

/** The atasan PPID's queue and decisions, and the officers' records of disputes. */
@ApiTags('objections')
@Controller('api/v1')
@Authenticated('officer', 'supervisor', 'bureau', 'admin')
export class OfficerObjectionsApiController {
  constructor(
    private readonly objections: ObjectionsService,
    private readonly exemptions: DipExemptionsService,
  ) {}

  @Get('objections')
  @ApiOperation({ summary: 'The atasan’s queue: objections of the caller’s body (supervisor, PPID Utama officer) or all (bureau, admin), undecided first by due date' })
  async queue(@CurrentActor() actor: Actor): Promise<{ items: ObjectionView[] }> {
    return { items: (await this.objections.queue(actor, new Date())).map(presentObjection) };
  }

  @Get('objections/:id')
  @ApiOperation({ summary: 'One objection; `exemptItems` are the exempted DIP items linked to its request (ids for `openItemIds`; `exempt` false once opened)' })
  async show(@CurrentActor() actor: Actor, @Param('id', OBJECTION_ID) id: string): Promise<ObjectionView & { exemptItems: LinkedExemptItem[] }> {
    const record = await this.objections.get(actor, id, new Date());
    return { ...presentObjection(record), exemptItems: await this.exemptions.linkedItems(record.request.id) };
  }

  @Post('objections/:id/decision')
  @HttpCode(201)
  @ApiOperation({ summary: 'The atasan PPID’s written answer (Pasal 36): uphold with reasons, or overturn (in full or in part) with an instruction, which reopens the request' })
  @ApiBody({ type: DecideObjectionDto })
  @ApiResponse({ status: 201, description: 'The objection with its decision and the Komisi Informasi window (disputeWindow.lastDay)' })
  @ApiResponse({ status: 403, description: 'Not the atasan PPID (supervisor) of the body' })
  @ApiResponse({ status: 409, description: 'Already decided' })
  async decide(@CurrentActor() actor: Actor, @Param('id', OBJECTION_ID) id: string, @Body() body: Json): Promise<ObjectionView> {
    return presentObjection(await this.objections.decide(actor, id, bodyOf(body), new Date()));
  }

  @Post('objections/:id/dispute')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a dispute filed with the Komisi Informasi against this objection’s outcome' })
  @ApiBody({ type: RecordDisputeDto })
  async dispute(@CurrentActor() actor: Actor, @Param('id', OBJECTION_ID) id: string, @Body() body: Json): Promise<ObjectionView> {
    return presentObjection(await this.objections.recordDisputeByOfficer(actor, id, bodyOf(body), new Date()));
  }

  @Post('disputes/:id/stage')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a dispute’s stage and outcome; a decision opening the information reopens the request' })
  @ApiBody({ type: DisputeStageDto })
  async stage(@CurrentActor() actor: Actor, @Param('id', DISPUTE_ID) id: string, @Body() body: Json): Promise<ObjectionView> {
    return presentObjection(await this.objections.disputeStageByOfficer(actor, id, bodyOf(body), new Date()));
  }
}
