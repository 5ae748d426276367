import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { NotFound } from 'src/common/errors/domain-error';
import { submitForm } from 'src/common/forms/form-page';
import { AppConfig } from 'src/config/app-config';
import { BodiesService, BodySummary } from 'src/modules/bodies';
import { ConsultationNotFound } from './consultations.errors';
import { formatCode, presentConsultation, presentFaq } from './consultations.presenter';
import { ConsultationsService } from './consultations.service';

type Form = Record<string, string | undefined>;

const ASK_FIELDS = ['unitId', 'name', 'email', 'question', 'faqConsent'] as const;

function text(v: unknown, max: number): string {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** The citizen's consultation pages: choose a body, ask, follow the answer, the body's FAQ. */
@ApiExcludeController()
@Controller('konsultasi')
export class ConsultationPagesController {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly bodies: BodiesService,
    private readonly config: AppConfig,
  ) {}

  /** Without a body: the list to choose from; with one (?badan=35.78): the form, its PPID Utama chosen. */
  @Get()
  async start(@Query('badan') badan: unknown, @Query('unit') unit: unknown, @Res() res: Response): Promise<void> {
    if (typeof badan !== 'string' || badan.trim() === '') {
      res.render('consultations/choose', { title: 'Konsultasi daring dengan PPID', bodies: await this.bodies.listBodies() });
      return;
    }
    const body = await this.bodies.getBody(badan.slice(0, 20));
    const chosen = typeof unit === 'string' && body.units.some((u) => String(u.id) === unit) ? unit : String(body.units.find((u) => u.level === 'utama')?.id ?? '');
    res.render('consultations/new', this.formModel(body, chosen, false));
  }

  @Post()
  async ask(@Req() req: Request, @Body() form: Form, @Res() res: Response): Promise<void> {
    const values: Record<string, string> = {};
    for (const f of ['unitId', 'name', 'email', 'question']) values[f] = text(form[f], 6000);
    if (form.faqConsent === 'ya') values.faqConsent = 'ya';
    await submitForm(
      res,
      {
        fields: ASK_FIELDS,
        values,
        formAnchor: 'formulir-konsultasi',
        render: async () => {
          const unit = /^\d{1,9}$/.test(values.unitId) ? await this.bodies.findActiveUnit(Number(values.unitId)) : null;
          const body = await this.bodies.getBody(unit ? unit.body.regionCode : text(form.badan, 20) || '-');
          return { view: 'consultations/new', model: this.formModel(body, values.unitId, values.faqConsent === 'ya') };
        },
      },
      async () => {
        const { record, trackingCode } = await this.consultations.ask({
          body: { unitId: values.unitId, name: values.name, email: values.email, question: values.question, faqConsent: values.faqConsent === 'ya' },
          honeypot: form.website,
          clientIp: req.ip ?? 'unknown',
          now: new Date(),
        });
        res.set('Cache-Control', 'no-store');
        res.status(201).render('consultations/asked', {
          title: `Konsultasi ${record.consultation.number}`,
          c: presentConsultation(record),
          trackingCode: formatCode(trackingCode),
          responseDays: this.config.consultationResponseDays,
        });
      },
    );
  }

  @Get('lacak')
  track(@Query('nomor') nomor: unknown, @Res() res: Response): void {
    res.render('consultations/track', { title: 'Lacak konsultasi', values: { nomor: text(nomor, 40) } });
  }

  @Post('lacak')
  async show(@Req() req: Request, @Body() form: Form, @Res() res: Response): Promise<void> {
    const nomor = text(form.nomor, 40);
    const kode = text(form.kode, 40);
    try {
      const record = await this.consultations.find(nomor, kode, req.ip ?? 'unknown');
      res.set('Cache-Control', 'no-store');
      res.status(200).render('consultations/result', { title: `Konsultasi ${record.consultation.number}`, c: presentConsultation(record), kode });
    } catch (e) {
      if (!(e instanceof ConsultationNotFound)) throw e;
      res.status(404).render('consultations/track', { title: 'Lacak konsultasi', values: { nomor }, notFound: e.message });
    }
  }

  /** The body chosen on /konsultasi: its FAQ page. */
  @Get('faq')
  async faqOfChosen(@Query('badan') badan: unknown, @Res() res: Response): Promise<void> {
    const body = await this.bodies.getBody(text(badan, 20) || '-');
    res.redirect(303, `/konsultasi/faq/${encodeURIComponent(body.code)}`);
  }

  /** A body's FAQ: questions answered and published with the asker's consent. */
  @Get('faq/:code')
  async faq(@Param('code') code: string, @Res() res: Response): Promise<void> {
    const faq = presentFaq(await this.consultations.faqOfBody(code.slice(0, 20)), this.config.provinceTimeZone);
    res.render('consultations/faq', { title: `Tanya jawab PPID ${faq.body.name}`, ...faq });
  }

  /** The form's page; what was typed comes back through submitForm's state, never through this model. */
  private formModel(body: BodySummary, unitId: string, consent: boolean): object {
    if (body.units.length === 0) throw new NotFound('Badan publik ini belum memiliki unit PPID.');
    return {
      title: `Konsultasi daring — ${body.name}`,
      body,
      units: body.units.map((u) => ({ value: String(u.id), label: `${u.name}${u.level === 'utama' ? ' (PPID Utama)' : ''}` })),
      unitFallback: unitId,
      consent,
      responseDays: this.config.consultationResponseDays,
    };
  }
}
