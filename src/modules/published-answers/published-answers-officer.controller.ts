import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { DomainError } from 'src/common/errors/domain-error';
import { submitForm } from 'src/common/forms/form-page';
import { AppConfig } from 'src/config/app-config';
import { AnswerIdPipe } from './dto/published-answer-params';
import { PublishedAnswerConflict } from './published-answers.errors';
import { officerAnswerView, officerListView } from './published-answers.presenter';
import { PublishedAnswersService } from './published-answers.service';

const ANSWER_ID = new AnswerIdPipe('Jawaban tidak ditemukan.');
const DOCUMENT_ID = new AnswerIdPipe('Dokumen tidak ditemukan.');

type Form = Record<string, string | undefined>;

const DONE: Record<string, string> = {
  tahan: 'Dokumen tidak lagi dipublikasikan. Halaman publik menyebut ada dokumen yang tidak dipublikasikan, tanpa alasannya.',
  tarik: 'Jawaban ditarik dari publikasi.',
};

/** Officers' list of their units' published answers and one answer's page (withhold a document, withdraw). */
@ApiExcludeController()
@Controller('petugas/jawaban')
@Authenticated('officer')
export class PublishedAnswersOfficerController {
  constructor(
    private readonly answers: PublishedAnswersService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    res.render('published-answers/officer-list', officerListView(await this.answers.officerList(actor)));
  }

  @Get(':id')
  async show(@CurrentActor() actor: Actor, @Param('id', ANSWER_ID) id: string, @Query('selesai') selesai: unknown, @Res() res: Response): Promise<void> {
    const done = typeof selesai === 'string' && Object.hasOwn(DONE, selesai) ? DONE[selesai] : undefined;
    res.render('published-answers/officer', officerAnswerView(await this.answers.officerAnswer(actor, id), this.config.provinceTimeZone, { done }));
  }

  @Post(':id/dokumen/:documentId/tahan')
  withhold(@CurrentActor() actor: Actor, @Param('id', ANSWER_ID) id: string, @Param('documentId', DOCUMENT_ID) documentId: string, @Body() form: Form, @Res() res: Response): Promise<void> {
    const values = { reason: typeof form.reason === 'string' ? form.reason.slice(0, 2000) : '' };
    return this.act(actor, id, `tahan-${documentId}`, 'tahan', values, res, () => this.answers.withholdDocument(actor, id, documentId, values, new Date()));
  }

  @Post(':id/tarik')
  withdraw(@CurrentActor() actor: Actor, @Param('id', ANSWER_ID) id: string, @Body() form: Form, @Res() res: Response): Promise<void> {
    const values = { reason: typeof form.reason === 'string' ? form.reason.slice(0, 2000) : '' };
    return this.act(actor, id, 'tarik', 'tarik', values, res, () => this.answers.withdraw(actor, id, values, new Date()));
  }

  private async act(actor: Actor, id: string, form: string, done: string, values: Record<string, string>, res: Response, work: () => Promise<void>): Promise<void> {
    await submitForm(
      res,
      {
        fields: ['reason'],
        values,
        idPrefix: form,
        shows: (e: DomainError) => e instanceof PublishedAnswerConflict,
        render: async () => ({ view: 'published-answers/officer', model: officerAnswerView(await this.answers.officerAnswer(actor, id), this.config.provinceTimeZone) }),
      },
      async () => {
        await work();
        res.redirect(303, `/petugas/jawaban/${id}?selesai=${done}`);
      },
    );
  }
}
