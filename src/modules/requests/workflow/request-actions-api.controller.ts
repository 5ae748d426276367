import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { AcceptsUploads, uploadedFiles } from 'src/common/uploads/accepts-uploads';
import { IdParamPipe } from 'src/common/validation/whole-number';
import { AppConfig } from 'src/config/app-config';
import { DELIVERY_PROOF_UPLOAD } from 'src/modules/requests/upload-rules';
import { CorrectionDto, DeliveryDto, ReturnRefusalDto, TransferDto } from './dto/request-actions.dto';
import { RequestActionsService } from './request-actions.service';

const REQUEST_ID = new IdParamPipe('Permohonan tidak ditemukan.');

type Json = Record<string, unknown>;

/** Officers' later actions on a request: delivery, the PPID Utama's decision on a refusal, ralat, transfer to another body. */
@ApiTags('officer')
@Controller('api/v1/requests')
@Authenticated('officer', 'supervisor', 'bureau', 'admin')
export class RequestActionsApiController {
  constructor(
    private readonly actions: RequestActionsService,
    private readonly config: AppConfig,
  ) {}

  @Post(':id/delivery')
  @HttpCode(204)
  @AcceptsUploads(DELIVERY_PROOF_UPLOAD)
  @ApiOperation({ summary: 'Record how granted information reached the requester: date, channel and proof (a note and/or a PDF/JPEG/PNG "proof" file, 5 MB)' })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: DeliveryDto })
  @ApiResponse({ status: 400, description: '`errors` per field: a date in the future or before the notice, no proof, a proof file that is not PDF/JPEG/PNG' })
  @ApiResponse({ status: 409, description: 'Not a granted request awaiting delivery' })
  async delivery(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Req() req: Request, @Body() body: Json): Promise<void> {
    await this.actions.recordDelivery(
      actor,
      id,
      { deliveredOn: body.deliveredOn, channel: body.channel, note: body.note, version: body.version },
      uploadedFiles(req, 'proof')[0],
      new Date(),
    );
  }

  @Post(':id/refusal/approval')
  @ApiOperation({ summary: "PPID Utama approves a PPID Pelaksana's refusal: the letter is numbered, mailed and shown to the requester" })
  @ApiResponse({ status: 201, description: '{ "status": "closed", "letterUrl" }' })
  @ApiResponse({ status: 403, description: 'Not an officer of the PPID Utama of the request’s body' })
  @ApiResponse({ status: 409, description: 'No refusal awaits approval' })
  async approveRefusal(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Body() body: Json): Promise<{ status: string; letterUrl: string }> {
    const { documentId } = await this.actions.approveRefusal(actor, id, body?.version, new Date());
    return { status: 'closed', letterUrl: `${this.config.appUrl}/api/v1/officer/requests/${id}/documents/${documentId}` };
  }

  @Post(':id/refusal/return')
  @HttpCode(204)
  @ApiOperation({ summary: 'PPID Utama sends a PPID Pelaksana’s refusal back with a reason; the request is in process again' })
  @ApiBody({ type: ReturnRefusalDto })
  async returnRefusal(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Body() body: Json): Promise<void> {
    await this.actions.returnRefusal(actor, id, { reason: body.reason, version: body.version }, new Date());
  }

  @Post(':id/corrections')
  @ApiOperation({ summary: 'Ralat: a new numbered letter correcting a letter of the request; both stay on the record' })
  @ApiBody({ type: CorrectionDto })
  @ApiResponse({ status: 201, description: '{ "letterUrl" }' })
  async correct(@CurrentActor() actor: Actor, @Param('id', REQUEST_ID) id: string, @Body() body: Json): Promise<{ letterUrl: string }> {
    const { documentId } = await this.actions.correctLetter(
      actor,
      id,
      { documentId: body.documentId, original: body.original, corrected: body.corrected, version: body.version },
      new Date(),
    );
    return { letterUrl: `${this.config.appUrl}/api/v1/officer/requests/${id}/documents/${documentId}` };
  }

  @Post(':id/transfer')
  @ApiOperation({ summary: "Forward to another body that holds the information: registered at its PPID Utama with a new number and its own due date; this request closes as forwarded" })
  @ApiBody({ type: TransferDto })
  @ApiResponse({ status: 201, description: '{ "registrationNumber", "dueDate", "trackingUrl" } of the new request (the tracking code stays the same)' })
  async transfer(
    @CurrentActor() actor: Actor,
    @Param('id', REQUEST_ID) id: string,
    @Body() body: Json,
  ): Promise<{ registrationNumber: string; dueDate: string; trackingUrl: string }> {
    const created = await this.actions.transfer(actor, id, { bodyCode: body.bodyCode, note: body.note, version: body.version }, new Date());
    return {
      registrationNumber: created.registrationNumber,
      dueDate: created.dueDate,
      trackingUrl: `${this.config.appUrl}/lacak?nomor=${encodeURIComponent(created.registrationNumber)}`,
    };
  }
}
