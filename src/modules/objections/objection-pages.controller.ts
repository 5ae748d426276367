import { Body, Controller, Get, HttpCode, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from 'src/common/errors/domain-error';
import { submitForm } from 'src/common/forms/form-page';
import { AcceptsUploads, uploadedFiles } from 'src/common/uploads/accepts-uploads';
import { DISPUTE_OUTCOMES, DISPUTE_STAGES, GROUND_KEYS } from './objection-rules';
import { ObjectionConflict, ObjectionNotEligible } from './objections.errors';
import { groundsView, presentObjection } from './objections.presenter';
import { ObjectionsService } from './objections.service';
import { PROXY_DOCUMENT_UPLOAD } from './upload-rules';

type Form = Record<string, string | undefined>;

const OBJECTION_FIELDS = ['nomor', 'kode', 'grounds', 'reasons', 'proxyName', 'proxyAddress', 'proxyDocument'] as const;
const DISPUTE_FIELDS = ['nomor', 'kode', 'objectionNumber', 'filedOn', 'caseNumber'] as const;
const STAGE_FIELDS = ['nomor', 'kode', 'disputeId', 'stage', 'on', 'outcome'] as const;

/** Errors a requester's form shows itself: a wrong code, a ground not eligible, a state conflict. */
function shown(e: DomainError): boolean {
  return e.code === 'not_found' || e instanceof ObjectionNotEligible || e instanceof ObjectionConflict;
}

function text(v: string | undefined, max: number): string {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** The form's values as typed, checkboxes as 'ya'. */
function objectionValues(form: Form): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of ['nomor', 'kode', 'reasons', 'proxyName', 'proxyAddress']) values[f] = text(form[f], 6000);
  for (const g of GROUND_KEYS) if (form[`ground_${g}`] === 'ya') values[`ground_${g}`] = 'ya';
  return values;
}

/** The requester's objection and dispute forms, reached from the tracking page (number and tracking code). */
@ApiExcludeController()
@Controller('lacak')
export class ObjectionPagesController {
  constructor(private readonly objections: ObjectionsService) {}

  /** The form; also the address a failed filing stays at. */
  @Get('keberatan')
  @Render('objections/new')
  newObjection(@Query('nomor') nomor?: string): object {
    return this.formModel({ nomor: typeof nomor === 'string' ? nomor.slice(0, 40) : '' }, null);
  }

  /** From the tracking page: the form with the number and code filled in and the grounds open today. */
  @Post('keberatan/baru')
  async startObjection(@Req() req: Request, @Body() form: Form, @Res() res: Response): Promise<void> {
    const values = { nomor: text(form.nomor, 40), kode: text(form.kode, 40) };
    const request = await this.objections.findRequest(values.nomor, values.kode, req.ip ?? 'unknown');
    const mine = await this.objections.ofRequest(request, new Date());
    res.status(200).render('objections/new', this.formModel(values, mine.eligibleGrounds));
  }

  @Post('keberatan')
  @AcceptsUploads(PROXY_DOCUMENT_UPLOAD)
  async file(@Req() req: Request, @Body() form: Form, @Res() res: Response): Promise<void> {
    const values = objectionValues(form);
    const proxyDocument = uploadedFiles(req, 'proxyDocument')[0];
    await submitForm(
      res,
      {
        fields: OBJECTION_FIELDS,
        values,
        formAnchor: 'formulir-keberatan',
        shows: shown,
        files: [{ field: 'proxyDocument', chosen: Boolean(proxyDocument && proxyDocument.size > 0), label: 'berkas surat kuasa' }],
        render: () => ({ view: 'objections/new', model: this.formModel(values, null) }),
      },
      async () => {
        const request = await this.objections.findRequest(values.nomor, values.kode, req.ip ?? 'unknown');
        const grounds = GROUND_KEYS.filter((g) => values[`ground_${g}`] === 'ya');
        const { objection } = await this.objections.file(
          request,
          { body: { grounds, reasons: values.reasons, proxyName: values.proxyName, proxyAddress: values.proxyAddress }, proxyDocument },
          new Date(),
        );
        const mine = await this.objections.ofRequest(request, new Date());
        const view = mine.records.map(presentObjection).find((o) => o.id === objection.id);
        res.status(201).render('objections/filed', { title: `Keberatan ${objection.number}`, objection: view, nomor: values.nomor, kode: values.kode });
      },
    );
  }

  /** The dispute form; also where a failed recording stays. */
  @Get('sengketa')
  @Render('objections/dispute')
  newDispute(@Query('nomor') nomor?: string): object {
    return { title: 'Catat sengketa informasi', values: { nomor: typeof nomor === 'string' ? nomor.slice(0, 40) : '' } };
  }

  /** From the tracking page: the dispute form with the number, code and objection filled in. */
  @Post('sengketa/baru')
  @HttpCode(200)
  @Render('objections/dispute')
  startDispute(@Body() form: Form): object {
    return { title: 'Catat sengketa informasi', values: { nomor: text(form.nomor, 40), kode: text(form.kode, 40), objectionNumber: text(form.objectionNumber, 40) } };
  }

  @Post('sengketa')
  async dispute(@Req() req: Request, @Body() form: Form, @Res() res: Response): Promise<void> {
    const values: Record<string, string> = {};
    for (const f of DISPUTE_FIELDS) values[f] = text(form[f], 200);
    await submitForm(
      res,
      {
        fields: DISPUTE_FIELDS,
        values,
        formAnchor: 'formulir-sengketa',
        shows: shown,
        render: () => ({ view: 'objections/dispute', model: { title: 'Catat sengketa informasi' } }),
      },
      async () => {
        const request = await this.objections.findRequest(values.nomor, values.kode, req.ip ?? 'unknown');
        const record = await this.objections.recordDisputeByRequester(request, values.objectionNumber, { filedOn: values.filedOn, caseNumber: values.caseNumber }, new Date());
        res.status(201).render('objections/done', {
          title: 'Sengketa tercatat',
          message: `Sengketa nomor ${values.caseNumber} atas keberatan ${record.objection.number} telah dicatat.`,
          objection: presentObjection(record),
          nomor: values.nomor,
          kode: values.kode,
        });
      },
    );
  }

  /** From the tracking page: the form for a dispute's next stage or its outcome. */
  @Post('sengketa/tahap/baru')
  @HttpCode(200)
  @Render('objections/dispute-stage')
  startStage(@Body() form: Form): object {
    return this.stageModel({ nomor: text(form.nomor, 40), kode: text(form.kode, 40), disputeId: text(form.disputeId, 20) });
  }

  /** The stage form; also where a failed recording stays. */
  @Get('sengketa/tahap')
  @Render('objections/dispute-stage')
  newStage(): object {
    return this.stageModel({});
  }

  @Post('sengketa/tahap')
  async stage(@Req() req: Request, @Body() form: Form, @Res() res: Response): Promise<void> {
    const values: Record<string, string> = {};
    for (const f of STAGE_FIELDS) values[f] = text(form[f], 200);
    await submitForm(
      res,
      {
        fields: STAGE_FIELDS,
        values,
        formAnchor: 'formulir-tahap',
        shows: shown,
        render: () => ({ view: 'objections/dispute-stage', model: this.stageModel(values) }),
      },
      async () => {
        const request = await this.objections.findRequest(values.nomor, values.kode, req.ip ?? 'unknown');
        const body = { stage: values.stage, on: values.on, ...(values.outcome ? { outcome: values.outcome } : {}) };
        const record = await this.objections.disputeStageByRequester(request, /^\d{1,18}$/.test(values.disputeId) ? values.disputeId : '0', body, new Date());
        res.status(201).render('objections/done', {
          title: 'Tahap sengketa tercatat',
          message: `Tahap sengketa nomor ${record.dispute?.caseNumber ?? ''} telah dicatat.`,
          objection: presentObjection(record),
          nomor: values.nomor,
          kode: values.kode,
        });
      },
    );
  }

  private stageModel(values: Record<string, string>): object {
    return {
      title: 'Catat tahap sengketa informasi',
      values,
      stages: Object.entries(DISPUTE_STAGES)
        .filter(([v]) => v !== 'registered')
        .map(([value, label]) => ({ value, label })),
      outcomes: Object.entries(DISPUTE_OUTCOMES).map(([value, label]) => ({ value, label })),
    };
  }

  private formModel(values: Record<string, string>, eligible: ReturnType<typeof groundsView> | null | (typeof GROUND_KEYS)[number][]): object {
    const open = Array.isArray(eligible) ? new Set(eligible.map((g) => (typeof g === 'string' ? g : g.ground))) : null;
    return {
      title: 'Ajukan keberatan',
      values,
      grounds: groundsView(GROUND_KEYS).map((g) => ({ ...g, key: `ground_${g.ground}`, checked: values[`ground_${g.ground}`] === 'ya', open: open ? open.has(g.ground) : null })),
      knowsEligibility: open !== null,
    };
  }
}
