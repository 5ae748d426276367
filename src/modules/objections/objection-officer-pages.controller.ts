import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { DomainError } from 'src/common/errors/domain-error';
import { submitForm } from 'src/common/forms/form-page';
import { IdParamPipe } from 'src/common/validation/whole-number';
import { DipExemptionsService } from 'src/modules/dip';
import { OBJECTION_DECISIONS } from './dto/objection.dto';
import { DISPUTE_OUTCOMES, DISPUTE_STAGES } from './objection-rules';
import { ObjectionConflict } from './objections.errors';
import { presentObjection } from './objections.presenter';
import { ObjectionsService } from './objections.service';

type Form = Record<string, string | undefined>;

const OBJECTION_ID = new IdParamPipe('Keberatan tidak ditemukan.');

const DONE: Record<string, string> = {
  putus: 'Tanggapan Atasan PPID tersimpan; surat dikirim kepada pemohon.',
  sengketa: 'Sengketa tercatat.',
  tahap: 'Tahap sengketa tercatat.',
};

/** Each form's fields in the order it shows them. */
const FIELDS: Record<string, readonly string[]> = {
  putus: ['decision', 'reasons', 'instruction', 'position', 'openItemIds'],
  sengketa: ['filedOn', 'caseNumber'],
  tahap: ['stage', 'on', 'outcome', 'openItemIds'],
};

function values(form: Form, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, typeof form[f] === 'string' ? form[f].slice(0, 6000) : '']));
}

/** The exempted items ticked on the form (one checkbox each, `openItem-<id>`), as the DTO's id list. */
function tickedItems(form: Form): string[] {
  return Object.keys(form)
    .map((k) => /^openItem-(\d{1,10})$/.exec(k)?.[1])
    .filter((id): id is string => id !== undefined && form[`openItem-${id}`] !== undefined && form[`openItem-${id}`] !== '');
}

/** The atasan PPID's queue of objections and one objection's page (decision, dispute records). */
@ApiExcludeController()
@Controller('petugas/keberatan')
@Authenticated('officer', 'supervisor', 'bureau', 'admin')
export class ObjectionOfficerPagesController {
  constructor(
    private readonly objections: ObjectionsService,
    private readonly exemptions: DipExemptionsService,
  ) {}

  @Get()
  async queue(@CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const items = (await this.objections.queue(actor, new Date())).map(presentObjection);
    res.render('officer/objections', { title: 'Keberatan', items, canDecide: actor.role === 'supervisor' });
  }

  @Get(':id')
  async show(@CurrentActor() actor: Actor, @Param('id', OBJECTION_ID) id: string, @Query('selesai') selesai: string | undefined, @Res() res: Response): Promise<void> {
    res.render('officer/objection', await this.pageModel(actor, id, { done: selesai ? (DONE[selesai] ?? null) : null }));
  }

  @Post(':id/putus')
  decide(@CurrentActor() actor: Actor, @Param('id', OBJECTION_ID) id: string, @Body() form: Form, @Res() res: Response): Promise<void> {
    return this.act(actor, id, 'putus', form, res, (v) => this.objections.decide(actor, id, v, new Date()));
  }

  @Post(':id/sengketa')
  dispute(@CurrentActor() actor: Actor, @Param('id', OBJECTION_ID) id: string, @Body() form: Form, @Res() res: Response): Promise<void> {
    return this.act(actor, id, 'sengketa', form, res, (v) => this.objections.recordDisputeByOfficer(actor, id, v, new Date()));
  }

  @Post(':id/tahap')
  async stage(@CurrentActor() actor: Actor, @Param('id', OBJECTION_ID) id: string, @Body() form: Form, @Res() res: Response): Promise<void> {
    const record = await this.objections.get(actor, id, new Date());
    const disputeId = record.dispute?.id ?? '0';
    return this.act(actor, id, 'tahap', form, res, (v) => this.objections.disputeStageByOfficer(actor, disputeId, v, new Date()));
  }

  private async act(actor: Actor, id: string, action: string, form: Form, res: Response, work: (v: Record<string, unknown>) => Promise<unknown>): Promise<void> {
    const fields = FIELDS[action];
    const v = values(form, fields);
    const input: Record<string, unknown> = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== ''));
    const ticked = tickedItems(form);
    if ((action === 'putus' || action === 'tahap') && ticked.length > 0) input.openItemIds = ticked;
    await submitForm(
      res,
      {
        fields,
        values: v,
        idPrefix: action,
        formAnchor: `aksi-${action}`,
        shows: (e: DomainError) => e instanceof ObjectionConflict || e.code === 'not_allowed',
        render: async () => ({ view: 'officer/objection', model: await this.pageModel(actor, id, { failedAction: action }) }),
      },
      async () => {
        await work(input);
        res.redirect(303, `/petugas/keberatan/${id}?selesai=${action}`);
      },
    );
  }

  private async pageModel(actor: Actor, id: string, extra: Record<string, unknown>): Promise<object> {
    const record = await this.objections.get(actor, id, new Date());
    const o = presentObjection(record);
    const pending = record.objection.status === 'pending';
    const worker = actor.role === 'officer' || actor.role === 'supervisor';
    return {
      title: `Keberatan ${o.objectionNumber}`,
      o,
      requestId: record.request.id,
      can: {
        decide: pending && actor.role === 'supervisor' && actor.bodyId === record.objection.bodyId,
        recordDispute: worker && !record.dispute && record.disputeWindow !== null,
        recordStage: worker && record.dispute !== null && record.dispute.outcome === null,
      },
      decisions: Object.entries(OBJECTION_DECISIONS).map(([value, label]) => ({ value, label })),
      stages: Object.entries(DISPUTE_STAGES).filter(([value]) => value !== 'registered').map(([value, label]) => ({ value, label })),
      outcomes: Object.entries(DISPUTE_OUTCOMES).map(([value, label]) => ({ value, label })),
      // The request's items in the register of exempted information: a partial decision chooses which open.
      exemptItems: (await this.exemptions.linkedItems(record.request.id)).map((i) => ({ ...i, href: `/petugas/dip/${i.id}` })),
      ...extra,
    };
  }
}
