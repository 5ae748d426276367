import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { statusOf, ValidationFailed } from 'src/common/errors/domain-error';
import { errorList } from 'src/common/forms/form-input';
import { parseDto } from 'src/common/forms/validate-dto';
import { BodiesService } from 'src/modules/bodies';
import { AnswerIdPipe, PublishedAnswersPageQuery } from './dto/published-answer-params';
import { publicAnswerView, publicListView } from './published-answers.presenter';
import { PublishedAnswersService } from './published-answers.service';

const ANSWER_ID = new AnswerIdPipe();
const DOCUMENT_ID = new AnswerIdPipe('Dokumen tidak ditemukan atau tidak dipublikasikan.');

type Params = Record<string, string | undefined>;

/** Published answers for everyone: the list by body and year, each answer, its public letter and documents. */
@ApiExcludeController()
@Controller('jawaban')
export class PublishedAnswersPublicController {
  constructor(
    private readonly answers: PublishedAnswersService,
    private readonly bodies: BodiesService,
  ) {}

  @Get()
  async list(@Query() params: Params, @Res() res: Response): Promise<void> {
    const [bodies, years] = await Promise.all([this.bodies.listBodies(), this.answers.years()]);
    try {
      const q = parseDto(PublishedAnswersPageQuery, params);
      const list = await this.answers.publicList({ body: q.badan, year: q.tahun, page: q.halaman });
      res.render('published-answers/index', publicListView(list, bodies, years, params));
    } catch (e) {
      if (!(e instanceof ValidationFailed)) throw e;
      // The service names the API's parameter; the page's filter calls it badan.
      const errors = Object.fromEntries(Object.entries(e.errors ?? {}).map(([k, v]) => [k === 'body' ? 'badan' : k, v]));
      res.status(statusOf(e.code)).render('published-answers/index', { ...publicListView(null, bodies, years, params, errors), errorList: errorList(errors, ['badan', 'tahun', 'halaman']) });
    }
  }

  @Get(':id')
  async show(@Param('id', ANSWER_ID) id: string, @Res() res: Response): Promise<void> {
    res.render('published-answers/answer', publicAnswerView(await this.answers.publicAnswer(id)));
  }

  @Get(':id/surat.pdf')
  async letter(@Param('id', ANSWER_ID) id: string, @Res() res: Response): Promise<void> {
    const pdf = await this.answers.publicLetterPdf(id);
    res.status(200).set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${pdf.filename}"` }).send(pdf.content);
  }

  @Get(':id/dokumen/:documentId')
  async document(@Param('id', ANSWER_ID) id: string, @Param('documentId', DOCUMENT_ID) documentId: string, @Res() res: Response): Promise<void> {
    const file = await this.answers.publicDocument(id, documentId);
    res
      .status(200)
      .set({ 'Content-Type': file.mediaType, 'Content-Disposition': `attachment; filename="${file.filename}"`, 'X-Content-Type-Options': 'nosniff' })
      .send(file.content);
  }
}
