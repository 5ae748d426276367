import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFound, statusOf, ValidationFailed } from 'src/common/errors/domain-error';
import { parseDto } from 'src/common/forms/validate-dto';
import { formatInstant } from 'src/common/views/view-helpers';
import { AppConfig } from 'src/config/app-config';
import { BodiesService } from 'src/modules/bodies';
import { DocumentsService } from 'src/modules/documents';
import { CATEGORY_LABELS, DIP_CATEGORIES } from './dip-categories';
import { dipDocument, dipXlsx } from './dip-downloads';
import { plainCode, publicItemView, publicListErrorView, publicListView } from './dip.presenter';
import { DipService } from './dip.service';
import { BodyCodePipe, DipIdPipe, DipPageQuery } from './dto/dip-params';

const ITEM_ID = new DipIdPipe();
const FILE_ID = new DipIdPipe('Berkas tidak ditemukan.');
const BODY_CODE = new BodyCodePipe();

type Params = Record<string, string | undefined>;

/** The Daftar Informasi Publik for everyone: the bodies, a body's list with its downloads, each item and its files. */
@ApiExcludeController()
@Controller('dip')
export class DipPublicController {
  constructor(
    private readonly dip: DipService,
    private readonly bodies: BodiesService,
    private readonly documents: DocumentsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async index(@Res() res: Response): Promise<void> {
    const [bodies, counts] = await Promise.all([this.bodies.listBodies(), this.dip.countsByBody()]);
    const byBody = new Map<string, Record<string, number>>();
    for (const c of counts) byBody.set(c.bodyCode, { ...(byBody.get(c.bodyCode) ?? {}), [c.category]: c.n });
    res.render('dip/index', {
      title: 'Daftar Informasi Publik',
      categories: DIP_CATEGORIES.map((c) => ({ label: CATEGORY_LABELS[c] })),
      bodies: bodies.map((b) => {
        const n = byBody.get(b.code) ?? {};
        return { name: b.name, href: `/dip/${plainCode(b.code)}`, counts: DIP_CATEGORIES.map((c) => n[c] ?? 0), total: DIP_CATEGORIES.reduce((s, c) => s + (n[c] ?? 0), 0) };
      }),
    });
  }

  @Get(':code/daftar.:format')
  async download(@Param('code', BODY_CODE) code: string, @Param('format') format: string, @Query() params: Params, @Res() res: Response): Promise<void> {
    if (format !== 'pdf' && format !== 'xlsx') throw new NotFound('Format unduhan tidak dikenal.');
    const q = parseDto(DipPageQuery, params);
    const now = new Date();
    const list = await this.dip.publicList(code, { category: q.kategori, unitId: q.unit }, now);
    const pageUrl = `${this.config.appUrl}/dip/${plainCode(list.body.code)}`;
    const name = `daftar-informasi-publik-${plainCode(list.body.code)}${q.kategori ? `-${q.kategori}` : ''}${q.unit ? `-unit-${q.unit}` : ''}.${format}`;
    const body =
      format === 'pdf'
        ? await this.documents.renderRegister(dipDocument(list, formatInstant(now, this.config.provinceTimeZone), pageUrl))
        : await dipXlsx(list, pageUrl);
    res
      .status(200)
      .set({
        'Content-Type': format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="${name}"`,
      })
      .send(body);
  }

  @Get(':code')
  async list(@Param('code', BODY_CODE) code: string, @Query() params: Params, @Res() res: Response): Promise<void> {
    try {
      const q = parseDto(DipPageQuery, params);
      const list = await this.dip.publicList(code, { category: q.kategori, unitId: q.unit }, new Date());
      res.render('dip/body', publicListView(list, {}, params));
    } catch (e) {
      if (!(e instanceof ValidationFailed)) throw e;
      const body = await this.bodies.getBody(code);
      res.status(statusOf(e.code)).render('dip/body', publicListErrorView(body, e.errors ?? {}, params));
    }
  }

  @Get(':code/:id')
  async item(@Param('code', BODY_CODE) code: string, @Param('id', ITEM_ID) id: number, @Res() res: Response): Promise<void> {
    const { body, view } = await this.dip.publicItem(code, id, new Date());
    res.render('dip/item', publicItemView(body, view));
  }

  @Get(':code/:id/berkas/:fileId')
  async file(@Param('code', BODY_CODE) code: string, @Param('id', ITEM_ID) id: number, @Param('fileId', FILE_ID) fileId: number, @Res() res: Response): Promise<void> {
    const file = await this.dip.publicFile(code, id, fileId);
    res
      .status(200)
      .set({ 'Content-Type': file.mediaType, 'Content-Disposition': `attachment; filename="${file.filename}"`, 'X-Content-Type-Options': 'nosniff' })
      .send(file.content);
  }
}
