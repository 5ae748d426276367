import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { DeskNotice, DeskNoticeBoard, DeskNoticeSource } from 'src/common/desk/desk-notices';
import { AccessPolicy } from 'src/modules/auth';
import { ConsultationDeskState, deskState, localToday } from './consultation-rules';
import { ConsultationsRepository } from './consultations.repository';

/** The desk's lines about open consultations: how many are past their target, how many fall due today. */
export function consultationDeskNotices(states: readonly ConsultationDeskState[]): DeskNotice[] {
  const late = states.filter((s) => s === 'terlambat').length;
  const today = states.filter((s) => s === 'hari_ini').length;
  const notices: DeskNotice[] = [];
  if (late > 0) {
    notices.push({ tone: 'danger', text: `${late} konsultasi daring melewati target jawaban.`, href: '/petugas/konsultasi', linkText: 'Jawab konsultasi' });
  }
  if (today > 0) {
    notices.push({ tone: 'warning', text: `${today} konsultasi daring harus dijawab hari ini.`, href: '/petugas/konsultasi', linkText: 'Jawab konsultasi' });
  }
  return notices;
}

/** Puts the open consultations of the officer's units on the desk (officers only: they answer them). */
@Injectable()
export class ConsultationDeskNoticeSource implements DeskNoticeSource, OnModuleInit {
  readonly deskNoticeSource = 'consultations';

  constructor(
    private readonly consultations: ConsultationsRepository,
    private readonly access: AccessPolicy,
    private readonly board: DeskNoticeBoard,
  ) {}

  onModuleInit(): void {
    this.board.register(this);
  }

  async noticesFor(actor: Actor, now: Date): Promise<DeskNotice[]> {
    if (actor.role !== 'officer') return [];
    const units = await this.access.visibleUnitIds(actor);
    if (units === 'all') return [];
    const open = await this.consultations.openDueDatesOfUnits(units);
    return consultationDeskNotices(open.map((c) => deskState(localToday(now, c.timeZone), c.dueDate)));
  }
}
