import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { AppConfig } from 'src/config/app-config';
import { AnswerIdPipe, PublicationReasonDto, PublishedAnswersQuery } from './dto/published-answer-params';
import { answerDetailJson, answerListJson } from './published-answers.presenter';
import { PublishedAnswersService } from './published-answers.service';

const ANSWER_ID = new AnswerIdPipe();
const DOCUMENT_ID = new AnswerIdPipe('Dokumen tidak ditemukan.');

@ApiTags('published-answers')
@Controller('api/v1/published-answers')
export class PublishedAnswersApiController {
  constructor(
    private readonly answers: PublishedAnswersService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Published answers (public, no personal data), newest decision first, 20 a page; filter by body and year of the decision' })
  @ApiOkResponse({ description: '{ items: [{ id, url, body: { code, name }, unit: { id, name }, title, summary, decision, decisionLabel, decidedOn, publishedAt, letterNumber, letterUrl, dipUrl }], page, pages, total }' })
  async list(@Query() q: PublishedAnswersQuery): Promise<Record<string, unknown>> {
    return answerListJson(await this.answers.publicList({ body: q.body, year: q.year, page: q.page }), this.config.appUrl);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One published answer with its notice and documents (a withheld document is listed without title or link); withdrawn or unknown: 404' })
  async item(@Param('id', ANSWER_ID) id: string): Promise<Record<string, unknown>> {
    return { ...answerDetailJson(await this.answers.publicAnswer(id), this.config.appUrl) };
  }

  @Post(':id/documents/:documentId/withholding')
  @HttpCode(201)
  @Authenticated('officer')
  @ApiOperation({ summary: "Withholds a document from publication with a reason (on the answer's history); the public page says a document was withheld, not why" })
  @ApiBody({ type: PublicationReasonDto })
  async withhold(
    @CurrentActor() actor: Actor,
    @Param('id', ANSWER_ID) id: string,
    @Param('documentId', DOCUMENT_ID) documentId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<{ id: string; withheld: true }> {
    await this.answers.withholdDocument(actor, id, documentId, body, new Date());
    return { id: documentId, withheld: true };
  }

  @Post(':id/withdrawal')
  @HttpCode(201)
  @Authenticated('officer')
  @ApiOperation({ summary: 'Withdraws a published answer with a reason (on its history); it then answers 404 to the public' })
  @ApiBody({ type: PublicationReasonDto })
  async withdraw(@CurrentActor() actor: Actor, @Param('id', ANSWER_ID) id: string, @Body() body: Record<string, unknown>): Promise<{ id: string; status: 'withdrawn' }> {
    await this.answers.withdraw(actor, id, body, new Date());
    return { id, status: 'withdrawn' };
  }
}
