import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { DomainError } from 'src/common/errors/domain-error';
import { submitForm } from 'src/common/forms/form-page';
import { IdParamPipe } from 'src/common/validation/whole-number';
import { ConsultationConflict } from './consultations.errors';
import { presentDeskItem, presentOfficerConsultation } from './consultations.presenter';
import { ConsultationsService } from './consultations.service';

type Form = Record<string, string | undefined>;

const CONSULTATION_ID = new IdParamPipe('Konsultasi tidak ditemukan.');

const DONE: Record<string, string> = {
  jawab: 'Jawaban tersimpan dan dikirim ke e-mail penanya.',
  faq: 'Pertanyaan dan jawaban diterbitkan sebagai tanya jawab publik.',
  tarik: 'Tanya jawab ditarik dari halaman publik.',
};

/** The officers' desk of consultations and one consultation's page (answer, FAQ). */
@ApiExcludeController()
@Controller('petugas/konsultasi')
@Authenticated('officer', 'supervisor', 'bureau', 'admin')
export class ConsultationOfficerPagesController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get()
  async desk(@CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const now = new Date();
    const desk = await this.consultations.desk(actor);
    const sees = this.consultations.seesAsker(actor);
    const open = desk.open.map((r) => presentDeskItem(r, now, sees));
    res.render('consultations/desk', {
      title: 'Konsultasi daring',
      open,
      overdue: open.filter((i) => i.overdue).length,
      answered: desk.answered.map((r) => presentDeskItem(r, now, sees)),
    });
  }

  @Get(':id')
  async show(@CurrentActor() actor: Actor, @Param('id', CONSULTATION_ID) id: string, @Query('selesai') selesai: unknown, @Res() res: Response): Promise<void> {
    res.render('consultations/officer', await this.pageModel(actor, id, { done: typeof selesai === 'string' ? (DONE[selesai] ?? null) : null }));
  }

  @Post(':id/jawab')
  answer(@CurrentActor() actor: Actor, @Param('id', CONSULTATION_ID) id: string, @Body() form: Form, @Res() res: Response): Promise<void> {
    const values = { answer: typeof form.answer === 'string' ? form.answer.slice(0, 6000) : '' };
    return this.act(actor, id, 'jawab', ['answer'], values, res, () => this.consultations.answer(actor, id, values, new Date()));
  }

  @Post(':id/faq')
  publish(@CurrentActor() actor: Actor, @Param('id', CONSULTATION_ID) id: string, @Body() form: Form, @Res() res: Response): Promise<void> {
    const values = { question: typeof form.question === 'string' ? form.question.slice(0, 6000) : '' };
    return this.act(actor, id, 'faq', ['question'], values, res, () => this.consultations.publishFaq(actor, id, values.question.trim() === '' ? {} : values, new Date()));
  }

  @Post(':id/faq/tarik')
  withdraw(@CurrentActor() actor: Actor, @Param('id', CONSULTATION_ID) id: string, @Res() res: Response): Promise<void> {
    return this.act(actor, id, 'tarik', [], {}, res, () => this.consultations.withdrawFaq(actor, id));
  }

  private async act(actor: Actor, id: string, action: string, fields: string[], values: Record<string, string>, res: Response, work: () => Promise<unknown>): Promise<void> {
    await submitForm(
      res,
      {
        fields,
        values,
        idPrefix: action,
        formAnchor: `aksi-${action}`,
        shows: (e: DomainError) => e instanceof ConsultationConflict || e.code === 'not_allowed',
        render: async () => ({ view: 'consultations/officer', model: await this.pageModel(actor, id, { failedAction: action }) }),
      },
      async () => {
        await work();
        res.redirect(303, `/petugas/konsultasi/${id}?selesai=${action}`);
      },
    );
  }

  private async pageModel(actor: Actor, id: string, extra: Record<string, unknown>): Promise<object> {
    const record = await this.consultations.get(actor, id);
    const c = presentOfficerConsultation(record, new Date(), this.consultations.seesAsker(actor));
    const works = await this.consultations.canWork(actor, record.consultation);
    return {
      title: `Konsultasi ${c.number}`,
      c,
      can: {
        answer: works && c.status === 'open',
        publish: works && c.status === 'answered' && c.faqConsent && !c.faqPublished,
        withdraw: works && c.faqPublished,
      },
      ...extra,
    };
  }
}
