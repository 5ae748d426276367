import { presentCreatedRequest } from 'src/modules/requests/receipt.presenter';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CreatedRequestDto, CreateRequestDto } from 'src/modules/requests/dto/create-request.dto';
import { IntakeService } from 'src/modules/requests/intake/intake.service';
import { TrackingService } from 'src/modules/requests/tracking/tracking.service';
import { presentTracking, TrackingView } from 'src/modules/requests/tracking/tracking.presenter';
import { AppConfig } from 'src/config/app-config';
import { DocumentDownloads } from 'src/modules/requests/workflow/document-downloads';
import { IdParamPipe } from 'src/common/validation/whole-number';

const DOCUMENT_ID = new IdParamPipe('Dokumen tidak ditemukan.');

@ApiTags('requests')
@Controller('api/v1/requests')
export class RequestsApiController {
  constructor(
    private readonly intake: IntakeService,
    private readonly tracking: TrackingService,
    private readonly downloads: DocumentDownloads,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiBody({ type: CreateRequestDto, description: 'Validated by CreateRequestDto itself (the same rules as the web form)' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'The same key with the same body registers one request and answers the same again; 16–64 of A–Z a–z 0–9 - _',
  })
  @ApiResponse({ status: 201, type: CreatedRequestDto })
  @ApiResponse({ status: 400, description: '`errors` per field' })
  @ApiResponse({ status: 422, description: 'The Idempotency-Key was already used with another body; nothing of that request is returned' })
  @ApiResponse({ status: 429, description: 'Per-address or per-e-mail limit reached (replays count too)' })
  async create(
    @Req() req: Request,
    @Body() body: Record<string, unknown>,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CreatedRequestDto> {
    const result = await this.intake.submitOnline({
      body: typeof body === 'object' && body !== null ? body : {},
      identityDocumentRequired: false,
      submissionKey: idempotencyKey,
      clientIp: req.ip ?? 'unknown',
      now: new Date(),
    });
    return presentCreatedRequest(result.receipt, result.trackingCode);
  }

  @Get(':number')
  @ApiHeader({ name: 'X-Tracking-Code', required: true })
  @ApiResponse({ status: 200, description: 'Status, due date, timeline, letters and documents; the written notice in words (decision, or null) and the next steps while open' })
  @ApiResponse({ status: 404, description: 'Unknown number or wrong code (the same answer)' })
  async show(
    @Req() req: Request,
    @Param('number') number: string,
    @Headers('x-tracking-code') code?: string,
  ): Promise<TrackingView> {
    const request = await this.tracking.find(number, code ?? '', req.ip ?? 'unknown');
    return presentTracking(await this.tracking.record(request), this.config.appUrl);
  }

  @Get(':number/documents/:documentId')
  @ApiHeader({ name: 'X-Tracking-Code', required: true })
  @ApiResponse({ status: 200, description: 'A letter or handed-over document of the request' })
  async document(
    @Req() req: Request,
    @Res() res: Response,
    @Param('number') number: string,
    @Param('documentId', DOCUMENT_ID) documentId: string,
    @Headers('x-tracking-code') code?: string,
  ): Promise<void> {
    const request = await this.tracking.find(number, code ?? '', req.ip ?? 'unknown');
    const file = await this.downloads.document(request, documentId);
    res.status(200).set({ 'Content-Type': file.mediaType, 'Cache-Control': 'no-store' }).send(file.content);
  }

  @Get(':number/receipt.pdf')
  @ApiHeader({ name: 'X-Tracking-Code', required: true })
  @ApiResponse({ status: 200, description: 'The receipt (tanda bukti penerimaan), application/pdf' })
  async receipt(
    @Req() req: Request,
    @Res() res: Response,
    @Param('number') number: string,
    @Headers('x-tracking-code') code?: string,
  ): Promise<void> {
    const request = await this.tracking.find(number, code ?? '', req.ip ?? 'unknown');
    const pdf = await this.tracking.receiptPdf(request, new Date());
    res.status(200).set({ 'Content-Type': 'application/pdf', 'Cache-Control': 'no-store' }).send(pdf);
  }
}
