import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { submitForm } from 'src/common/forms/form-page';
import { parseDto } from 'src/common/forms/validate-dto';
import { AcceptsUploads, uploadedFiles } from 'src/common/uploads/accepts-uploads';
import { AppConfig } from 'src/config/app-config';
import { deskView, DIP_FORM_FIELDS, formOptions, officerItemView } from './dip.presenter';
import { DipExemptionsService } from './dip-exemptions.service';
import { DipService } from './dip.service';
import { DipDeskQuery, DipIdPipe } from './dto/dip-params';
import { DIP_UPLOAD } from './upload-rules';

const ITEM_ID = new DipIdPipe();
const FILE_ID = new DipIdPipe('Berkas tidak ditemukan.');

type Form = Record<string, string | undefined>;

const DONE: Record<string, string> = {
  ditambahkan: 'Informasi ditambahkan ke Daftar Informasi Publik dan tampil di halaman publik.',
  tersimpan: 'Perubahan tersimpan dan tercatat pada riwayat informasi.',
  diperbarui: 'Informasi ditandai sudah diperbarui hari ini; batas pemutakhiran berikutnya dihitung dari hari ini.',
  ditarik: 'Informasi ditarik dari Daftar Informasi Publik. Riwayatnya tetap tersimpan.',
  'berkas-dihapus': 'Berkas dihapus dari informasi ini.',
  dibuka: 'Informasi dibuka untuk publik: kini tersedia setiap saat (Pasal 11 ayat (2) UU 14/2008). Alasannya tercatat pada riwayat dan tampil di halaman publik.',
};

/** Only what a form may post: its fields, never the CSRF token or unknown names. */
function fieldsOf(form: Form): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(form).filter(([k]) => !k.startsWith('_') && k !== 'version'));
}

/** The DIP desk of PPID officers (and what the atasan PPID may read): the list, the rhythm of berkala items, the forms. */
@ApiExcludeController()
@Controller('petugas/dip')
@Authenticated('officer', 'supervisor')
export class DipPagesController {
  constructor(
    private readonly dip: DipService,
    private readonly exemptions: DipExemptionsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async desk(@CurrentActor() actor: Actor, @Query() params: Form, @Res() res: Response): Promise<void> {
    const q = parseDto(DipDeskQuery, params);
    const desk = await this.dip.desk(actor, new Date(), { unitId: q.unit, category: q.kategori, withdrawn: q.ditarik === 'ya' });
    res.render('dip/desk', deskView(desk, { unit: params.unit, kategori: params.kategori, ditarik: params.ditarik }, q.selesai ? (DONE[q.selesai] ?? null) : null));
  }

  /** The form; also at /petugas/dip/baru after a failed post, which GET serves too. */
  @Get('baru')
  async newItem(@CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    res.render('dip/form', await this.formModel(actor));
  }

  @Post('baru')
  @AcceptsUploads(DIP_UPLOAD)
  async create(@CurrentActor() actor: Actor, @Req() req: Request, @Body() form: Form, @Res() res: Response): Promise<void> {
    const files = uploadedFiles(req, 'files');
    await submitForm(
      res,
      {
        fields: DIP_FORM_FIELDS,
        values: fieldsOf(form),
        files: [{ field: 'files', chosen: files.some((f) => f.size > 0), label: 'berkas informasi' }],
        render: async () => ({ view: 'dip/form', model: await this.formModel(actor) }),
      },
      async () => {
        const id = await this.dip.create(actor, fieldsOf(form), files, new Date());
        res.redirect(303, `/petugas/dip/${id}?selesai=ditambahkan`);
      },
    );
  }

  @Get(':id')
  async show(@CurrentActor() actor: Actor, @Param('id', ITEM_ID) id: number, @Query('selesai') done: string | undefined, @Res() res: Response): Promise<void> {
    const notice = done && Object.hasOwn(DONE, done) ? DONE[done] : null;
    res.render('dip/officer-item', officerItemView(await this.dip.officerItem(actor, id, new Date()), notice, this.config.provinceTimeZone));
  }

  @Post(':id')
  @AcceptsUploads(DIP_UPLOAD)
  async update(@CurrentActor() actor: Actor, @Param('id', ITEM_ID) id: number, @Req() req: Request, @Body() form: Form, @Res() res: Response): Promise<void> {
    const files = uploadedFiles(req, 'files');
    await submitForm(
      res,
      {
        fields: DIP_FORM_FIELDS,
        values: fieldsOf(form),
        files: [{ field: 'files', chosen: files.some((f) => f.size > 0), label: 'berkas informasi' }],
        shows: (e) => e.code === 'conflict',
        render: async () => ({ view: 'dip/officer-item', model: officerItemView(await this.dip.officerItem(actor, id, new Date()), null, this.config.provinceTimeZone) }),
      },
      async () => {
        await this.dip.update(actor, id, fieldsOf(form), files, new Date(), form.version);
        res.redirect(303, `/petugas/dip/${id}?selesai=tersimpan`);
      },
    );
  }

  @Post(':id/diperbarui')
  async refreshed(@CurrentActor() actor: Actor, @Param('id', ITEM_ID) id: number, @Res() res: Response): Promise<void> {
    await this.dip.markRefreshed(actor, id, new Date());
    res.redirect(303, `/petugas/dip/${id}?selesai=diperbarui`);
  }

  @Post(':id/tarik')
  async withdraw(@CurrentActor() actor: Actor, @Param('id', ITEM_ID) id: number, @Body() form: Form, @Res() res: Response): Promise<void> {
    await this.withReason(actor, id, form, res, 'tarik', (input, now) => this.dip.withdraw(actor, id, input, now), 'ditarik');
  }

  /** Reclassification by hand: an exempted item becomes available at any time, with the reason. */
  @Post(':id/buka')
  async reclassify(@CurrentActor() actor: Actor, @Param('id', ITEM_ID) id: number, @Body() form: Form, @Res() res: Response): Promise<void> {
    await this.withReason(actor, id, form, res, 'buka', (input, now) => this.exemptions.reclassify(actor, id, input, now), 'dibuka');
  }

  /** An action on an item that takes only a reason: done and back to the item, or the item's page again with the message. */
  private async withReason(
    actor: Actor,
    id: number,
    form: Form,
    res: Response,
    idPrefix: string,
    act: (input: { reason: string | undefined }, now: Date) => Promise<unknown>,
    done: string,
  ): Promise<void> {
    await submitForm(
      res,
      {
        fields: ['reason'],
        values: { reason: form.reason },
        idPrefix,
        shows: (e) => e.code === 'conflict',
        render: async () => ({ view: 'dip/officer-item', model: officerItemView(await this.dip.officerItem(actor, id, new Date()), null, this.config.provinceTimeZone) }),
      },
      async () => {
        await act({ reason: form.reason }, new Date());
        res.redirect(303, `/petugas/dip/${id}?selesai=${done}`);
      },
    );
  }

  @Post(':id/berkas/:fileId/hapus')
  async removeFile(@CurrentActor() actor: Actor, @Param('id', ITEM_ID) id: number, @Param('fileId', FILE_ID) fileId: number, @Res() res: Response): Promise<void> {
    await this.dip.removeFile(actor, id, fileId, new Date());
    res.redirect(303, `/petugas/dip/${id}?selesai=berkas-dihapus`);
  }

  private async formModel(actor: Actor): Promise<object> {
    const units = await this.dip.unitsOf(actor);
    return { title: 'Tambah informasi ke DIP', ...formOptions(units, null), canEdit: actor.role === 'officer' && units.length > 0 };
  }
}
