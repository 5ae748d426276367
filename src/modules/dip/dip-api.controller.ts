import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { AppConfig } from 'src/config/app-config';
import { CATEGORY_LABELS, FORM_LABELS } from './dip-categories';
import { exemptionText, openedSourceText, plainCode } from './dip.presenter';
import { OPENING_REASON_LABELS, OpeningReason } from './dip-exemptions';
import { DipExemptionsService } from './dip-exemptions.service';
import { DipItemView, DipService } from './dip.service';
import { DipItemDto, DipReclassificationDto, DipWithdrawalDto } from './dto/dip-item.dto';
import { BodyCodePipe, DipApiQuery, DipIdPipe } from './dto/dip-params';

const ITEM_ID = new DipIdPipe();
const BODY_CODE = new BodyCodePipe();

/** One item as the API answers it: what the public may see (a dikecualikan item: its ground, no summary, files or links). */
export function presentDipItem(view: DipItemView, appUrl: string): Record<string, unknown> {
  const { item, rhythm, files } = view;
  const exempt = item.category === 'dikecualikan';
  const code = plainCode(item.bodyCode);
  const page = `${appUrl}/dip/${code}/${item.id}`;
  return {
    id: item.id,
    bodyCode: item.bodyCode,
    category: item.category,
    categoryLabel: CATEGORY_LABELS[item.category],
    title: item.title,
    summary: exempt ? null : item.summary,
    unit: { id: item.unitId, name: item.unitName },
    responsibleOfficial: item.responsibleOfficial,
    madeWhen: item.madeWhen,
    madeWhere: item.madeWhere,
    form: item.form,
    formLabel: FORM_LABELS[item.form],
    retention: item.retention,
    updatePeriodMonths: item.updatePeriodMonths,
    lastUpdatedOn: item.lastUpdatedOn,
    dueDate: rhythm?.dueDate ?? null,
    stale: rhythm ? rhythm.state === 'terlambat' : null,
    exemption: exempt ? { ground: item.exemptionGround, text: exemptionText(item), law: item.exemptionLaw, until: item.exemptionUntil } : null,
    links: exempt ? [] : item.links,
    files: exempt ? [] : files.map((f) => ({ name: f.filename, mediaType: f.mediaType, size: f.size, url: `${page}/berkas/${f.id}` })),
    sources: view.sources.map((x) => ({
      registrationNumber: x.registrationNumber,
      decision: x.decision,
      decidedOn: x.decidedOn,
      ground: x.exemptionGround,
      groundText: exemptionText({ exemptionGround: x.exemptionGround, exemptionLaw: x.exemptionLaw }),
      exemptionUntil: x.exemptionUntil,
    })),
    opened: item.openedAt
      ? {
          at: new Date(item.openedAt).toISOString(),
          reason: item.openedReason,
          reasonLabel: OPENING_REASON_LABELS[item.openedReason as OpeningReason] ?? item.openedReason,
          note: item.openedNote,
          source: item.openedSource,
          sourceText: openedSourceText(item.openedSource),
        }
      : null,
    url: page,
  };
}

@ApiTags('dip')
@Controller('api/v1/dip')
export class DipApiController {
  constructor(
    private readonly dip: DipService,
    private readonly exemptions: DipExemptionsService,
    private readonly config: AppConfig,
  ) {}

  @Get(':code')
  @ApiOperation({ summary: "A body's Daftar Informasi Publik: every active item of its units (public, no personal data); filter by category and unit" })
  @ApiOkResponse({ description: '{ body: { code, name }, items: [{ id, bodyCode, category, title, summary, unit, responsibleOfficial, madeWhen, madeWhere, form, retention, updatePeriodMonths, lastUpdatedOn, dueDate, stale, exemption, links, files, url }] }' })
  async list(@Param('code', BODY_CODE) code: string, @Query() q: DipApiQuery): Promise<Record<string, unknown>> {
    const list = await this.dip.publicList(code, { category: q.category, unitId: q.unitId }, new Date());
    return { body: { code: list.body.code, name: list.body.name }, items: list.items.map((v) => presentDipItem(v, this.config.appUrl)) };
  }

  @Get(':code/:id')
  @ApiOperation({ summary: 'One item of a body\'s DIP (public); a withdrawn item or another body\'s answers 404' })
  async item(@Param('code', BODY_CODE) code: string, @Param('id', ITEM_ID) id: number): Promise<Record<string, unknown>> {
    const { view } = await this.dip.publicItem(code, id, new Date());
    return presentDipItem(view, this.config.appUrl);
  }

  @Post('items')
  @Authenticated('officer')
  @ApiOperation({ summary: 'Adds an item to the DIP of a unit the officer keeps (files through the page form); 400 names each field' })
  @ApiBody({ type: DipItemDto })
  async create(@CurrentActor() actor: Actor, @Body() body: Record<string, unknown>): Promise<{ id: number }> {
    return { id: await this.dip.create(actor, body, [], new Date()) };
  }

  @Put('items/:id')
  @Authenticated('officer')
  @ApiOperation({ summary: 'Replaces an item\'s fields (the changes go into its history); another body\'s item answers 404, a withdrawn one 409' })
  @ApiBody({ type: DipItemDto })
  async update(@CurrentActor() actor: Actor, @Param('id', ITEM_ID) id: number, @Body() body: Record<string, unknown>): Promise<{ id: number }> {
    await this.dip.update(actor, id, body, [], new Date());
    return { id };
  }

  @Post('items/:id/withdrawal')
  @HttpCode(201)
  @Authenticated('officer')
  @ApiOperation({ summary: 'Withdraws an item from the public DIP (kept, with its history)' })
  @ApiBody({ type: DipWithdrawalDto })
  async withdraw(@CurrentActor() actor: Actor, @Param('id', ITEM_ID) id: number, @Body() body: Record<string, unknown>): Promise<{ id: number; status: string }> {
    await this.dip.withdraw(actor, id, body, new Date());
    return { id, status: 'withdrawn' };
  }

  @Post('items/:id/reclassification')
  @HttpCode(201)
  @Authenticated('officer')
  @ApiOperation({
    summary:
      'Opens an exempted (dikecualikan) item to the public by hand (Pasal 11(2)): it becomes tersedia setiap saat, the reason is on its history and public page; ' +
      'another body\'s item answers 404, an item that is not exempted 400',
  })
  @ApiBody({ type: DipReclassificationDto })
  async reclassify(@CurrentActor() actor: Actor, @Param('id', ITEM_ID) id: number, @Body() body: Record<string, unknown>): Promise<{ id: number; category: string }> {
    await this.exemptions.reclassify(actor, id, body, new Date());
    return { id, category: 'setiap_saat' };
  }
}
