import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { IdParamPipe } from 'src/common/validation/whole-number';
import { AppConfig } from 'src/config/app-config';
import { AnswerConsultationDto, AskConsultationDto, PublishFaqDto } from './dto/consultation.dto';
import { ConsultationView, DeskItem, FaqView, formatCode, presentConsultation, presentDeskItem, presentFaq } from './consultations.presenter';
import { ConsultationsService } from './consultations.service';

type Json = Record<string, unknown>;

const CONSULTATION_ID = new IdParamPipe('Konsultasi tidak ditemukan.');

function bodyOf(body: unknown): Json {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Json) : {};
}

/** The public side: asking, following one's own consultation, and the FAQ. */
@ApiTags('consultations')
@Controller('api/v1/consultations')
export class PublicConsultationsApiController {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Ask a PPID a question without filing a request (ruang konsultasi daring); the number and tracking code are also mailed' })
  @ApiBody({ type: AskConsultationDto })
  @ApiResponse({ status: 201, description: '{ "number", "trackingCode", "dueDate" } — answered by the end of dueDate (CONSULTATION_RESPONSE_DAYS working days, default 3)' })
  @ApiResponse({ status: 400, description: '`errors` per field' })
  @ApiResponse({ status: 429, description: 'Too many questions from the address or for the e-mail (the request form’s limits)' })
  async ask(@Req() req: Request, @Body() body: Json): Promise<{ number: string; trackingCode: string; dueDate: string; dueProvisional: boolean; trackingUrl: string }> {
    const { record, trackingCode } = await this.consultations.ask({ body: bodyOf(body), clientIp: req.ip ?? 'unknown', now: new Date() });
    const c = record.consultation;
    return { number: c.number, trackingCode: formatCode(trackingCode), dueDate: c.dueDate, dueProvisional: c.dueProvisional, trackingUrl: this.consultations.trackingUrl(c.number) };
  }

  @Get('faq')
  @ApiOperation({ summary: 'A body’s public FAQ: answered consultations published with the asker’s consent; question and answer only, no personal data' })
  @ApiQuery({ name: 'body', required: true, description: 'The body’s Kepmendagri code, e.g. 35.78' })
  @ApiResponse({ status: 200, description: '{ "body": { "code", "name" }, "entries": [{ "number", "unitName", "question", "answer", "answeredOn" }] }' })
  @ApiResponse({ status: 400, description: 'No body given' })
  @ApiResponse({ status: 404, description: 'Unknown body' })
  async faq(@Query('body') code?: unknown): Promise<FaqView> {
    if (typeof code !== 'string' || code.trim() === '') throw new ValidationFailed({ body: 'Sebutkan kode badan publik, mis. body=35.78.' });
    return presentFaq(await this.consultations.faqOfBody(code.slice(0, 20)), this.config.provinceTimeZone);
  }

  @Get(':number')
  @ApiOperation({ summary: 'The asker’s consultation: status, due date, the answer once given, and the request it became' })
  @ApiHeader({ name: 'X-Tracking-Code', required: true })
  @ApiResponse({ status: 404, description: 'Unknown number or wrong code (the same answer)' })
  async show(@Req() req: Request, @Param('number') number: string, @Headers('x-tracking-code') code?: string): Promise<ConsultationView> {
    return presentConsultation(await this.consultations.find(number, code ?? '', req.ip ?? 'unknown'));
  }
}

/** The officers' side: the desk, answers and FAQ entries. */
@ApiTags('consultations')
@Controller('api/v1/desk/consultations')
@Authenticated('officer', 'supervisor', 'bureau', 'admin')
export class OfficerConsultationsApiController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get()
  @ApiOperation({ summary: 'Open consultations of the units the caller sees, the earliest due first (state terlambat, hari_ini, aman), and the latest answered' })
  async desk(@CurrentActor() actor: Actor): Promise<{ open: DeskItem[]; answered: DeskItem[] }> {
    const now = new Date();
    const desk = await this.consultations.desk(actor);
    const sees = this.consultations.seesAsker(actor);
    return { open: desk.open.map((r) => presentDeskItem(r, now, sees)), answered: desk.answered.map((r) => presentDeskItem(r, now, sees)) };
  }

  @Get(':id')
  @ApiResponse({ status: 404, description: 'Unknown, or of a unit the caller does not see' })
  async show(@CurrentActor() actor: Actor, @Param('id', CONSULTATION_ID) id: string): Promise<DeskItem> {
    return presentDeskItem(await this.consultations.get(actor, id), new Date(), this.consultations.seesAsker(actor));
  }

  @Post(':id/answer')
  @HttpCode(201)
  @ApiOperation({ summary: 'Answer a consultation; the answer is mailed to the asker and shown on the tracking page' })
  @ApiBody({ type: AnswerConsultationDto })
  @ApiResponse({ status: 403, description: 'Not an officer of the consultation’s unit' })
  @ApiResponse({ status: 404, description: 'Unknown, or of a unit the caller does not see' })
  @ApiResponse({ status: 409, description: 'Answered already' })
  async answer(@CurrentActor() actor: Actor, @Param('id', CONSULTATION_ID) id: string, @Body() body: Json): Promise<DeskItem> {
    return presentDeskItem(await this.consultations.answer(actor, id, bodyOf(body), new Date()), new Date(), this.consultations.seesAsker(actor));
  }

  @Post(':id/faq')
  @HttpCode(201)
  @ApiOperation({ summary: 'Publish an answered consultation as a FAQ entry of the body; `question` may rephrase it without anything that identifies the asker' })
  @ApiBody({ type: PublishFaqDto })
  @ApiResponse({ status: 409, description: 'The asker did not consent, or the consultation is not answered yet' })
  async publish(@CurrentActor() actor: Actor, @Param('id', CONSULTATION_ID) id: string, @Body() body: Json): Promise<DeskItem> {
    return presentDeskItem(await this.consultations.publishFaq(actor, id, bodyOf(body), new Date()), new Date(), this.consultations.seesAsker(actor));
  }

  @Delete(':id/faq')
  @ApiOperation({ summary: 'Take the FAQ entry off the public page' })
  async withdraw(@CurrentActor() actor: Actor, @Param('id', CONSULTATION_ID) id: string): Promise<DeskItem> {
    return presentDeskItem(await this.consultations.withdrawFaq(actor, id), new Date(), this.consultations.seesAsker(actor));
  }
}
