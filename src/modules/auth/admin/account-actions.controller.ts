import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFound } from 'src/common/errors/domain-error';
import { AccountActionRefused } from 'src/modules/auth/account-admin.errors';
import { AccountAction, AccountAdminService, AccountSummary } from 'src/modules/auth/account-admin.service';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { ROLE_LABELS } from 'src/common/auth/roles';

interface ActionPage {
  action: AccountAction;
  title: string;
  button: string;
  consequences: string[];
  done: string;
}

/** What views/admin/users/confirm.hbs shows. */
export interface AccountActionPageView {
  title: string;
  page: ActionPage;
  segment: string;
  account: AccountSummary & { roleLabel: string };
  refusal: string | null;
}

/** The actions by their path segment, with what the confirmation page says. */
export const ACCOUNT_ACTIONS: Record<string, ActionPage> = {
  nonaktifkan: {
    action: 'deactivate',
    title: 'Nonaktifkan akun',
    button: 'Ya, nonaktifkan akun',
    consequences: [
      'Pengguna tidak dapat masuk lagi.',
      'Semua sesi yang sedang masuk diakhiri dan semua token API dicabut.',
      'Tautan undangan yang belum dipakai tidak berlaku lagi.',
      'Riwayat dan permohonan yang ditanganinya tetap tersimpan; akun dapat diaktifkan kembali.',
    ],
    done: 'dinonaktifkan',
  },
  aktifkan: {
    action: 'reactivate',
    title: 'Aktifkan kembali akun',
    button: 'Ya, aktifkan kembali',
    consequences: ['Pengguna dapat masuk lagi dengan kata sandinya.', 'Bila belum pernah membuat kata sandi, kirim undangan baru sesudahnya.'],
    done: 'diaktifkan kembali',
  },
  'buka-kunci': {
    action: 'unlock',
    title: 'Buka kunci akun',
    button: 'Ya, buka kunci',
    consequences: ['Hitungan percobaan masuk yang gagal dihapus dan pengguna dapat langsung mencoba masuk lagi.'],
    done: 'dibuka kuncinya',
  },
  'undang-ulang': {
    action: 'reinvite',
    title: 'Kirim ulang undangan',
    button: 'Ya, kirim undangan baru',
    consequences: ['E-mail undangan baru dengan tautan sekali pakai dikirim; tautan berlaku 72 jam.', 'Tautan undangan sebelumnya tidak berlaku lagi.'],
    done: 'dikirimi undangan baru',
  },
};

function pageOf(segment: string): ActionPage {
  const page = Object.prototype.hasOwnProperty.call(ACCOUNT_ACTIONS, segment) ? ACCOUNT_ACTIONS[segment] : undefined;
  if (!page) throw new NotFound('Halaman tidak ditemukan.');
  return page;
}

function routeId(raw: string): number {
  return /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
}

/** Deactivate, reactivate, unlock and re-invite an account: a confirmation page, then a POST with CSRF. */
@ApiExcludeController()
@Controller('admin/pengguna')
@Authenticated('admin')
export class AccountActionsController {
  constructor(private readonly accounts: AccountAdminService) {}

  @Get(':id/:action')
  async confirm(@CurrentActor() actor: Actor, @Res() res: Response, @Param('id') id: string, @Param('action') segment: string): Promise<void> {
    const page = pageOf(segment);
    const account = await this.accounts.summary(actor, routeId(id));
    res.render('admin/users/confirm', this.view(segment, page, account, null));
  }

  @Post(':id/:action')
  async perform(@CurrentActor() actor: Actor, @Res() res: Response, @Param('id') id: string, @Param('action') segment: string): Promise<void> {
    const page = pageOf(segment);
    const userId = routeId(id);
    try {
      await this.accounts.perform(actor, userId, page.action);
      res.redirect(303, `/admin/pengguna?hasil=${segment}&akun=${userId}#pengguna-${userId}`);
    } catch (e) {
      if (!(e instanceof AccountActionRefused)) throw e;
      const account = await this.accounts.summary(actor, userId);
      res.status(409).render('admin/users/confirm', this.view(segment, page, account, e.message));
    }
  }

  private view(segment: string, page: ActionPage, account: AccountSummary, refusal: string | null): AccountActionPageView {
    return {
      title: page.title,
      page,
      segment,
      account: { ...account, roleLabel: ROLE_LABELS[account.role] },
      refusal,
    };
  }
}
