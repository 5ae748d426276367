import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { DeskNotice, DeskNoticeBoard, DeskNoticeSource } from 'src/common/desk/desk-notices';
import { AccessPolicy } from 'src/modules/auth';
import { DUE_SOON_WORKING_DAYS, RhythmState } from './dip-rhythm';
import { DipService } from './dip.service';

/** The desk's lines about berkala items: how many are stale, how many fall due soon. */
export function dipDeskNotices(states: readonly RhythmState[]): DeskNotice[] {
  const stale = states.filter((s) => s === 'terlambat').length;
  const soon = states.filter((s) => s === 'segera').length;
  const notices: DeskNotice[] = [];
  if (stale > 0) {
    notices.push({ tone: 'danger', text: `${stale} item DIP berkala melewati jadwal pembaruannya (Pasal 9: paling sedikit 6 bulan sekali).`, href: '/petugas/dip', linkText: 'Perbarui DIP' });
  }
  if (soon > 0) {
    notices.push({ tone: 'warning', text: `${soon} item DIP berkala jatuh tempo dalam ${DUE_SOON_WORKING_DAYS} hari kerja.`, href: '/petugas/dip', linkText: 'Lihat DIP' });
  }
  return notices;
}

/** Puts the berkala items of the officer's units that are stale or due soon on the desk (officers only: they keep them). */
@Injectable()
export class DipDeskNoticeSource implements DeskNoticeSource, OnModuleInit {
  readonly deskNoticeSource = 'dip';

  constructor(
    private readonly dip: DipService,
    private readonly access: AccessPolicy,
    private readonly board: DeskNoticeBoard,
  ) {}

  onModuleInit(): void {
    this.board.register(this);
  }

  async noticesFor(actor: Actor, now: Date): Promise<DeskNotice[]> {
    if (actor.role !== 'officer') return [];
    const units = await this.access.visibleUnitIds(actor);
    if (units === 'all' || units.length === 0) return [];
    const due = await this.dip.dueItems(now, units);
    return dipDeskNotices(due.map((d) => d.rhythm.state));
  }
}
