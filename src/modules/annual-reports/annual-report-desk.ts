import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { DeskNotice, DeskNoticeBoard, DeskNoticeSource } from 'src/common/desk/desk-notices';
import { reportDueNotices } from './annual-report.presenter';
import { AnnualReportsService } from './annual-reports.service';

/** Puts last year's report and its 31 March deadline on the desk of the body's officers and atasan. */
@Injectable()
export class AnnualReportDesk implements DeskNoticeSource, OnModuleInit {
  readonly deskNoticeSource = 'annual-reports';

  constructor(
    private readonly reports: AnnualReportsService,
    private readonly board: DeskNoticeBoard,
  ) {}

  onModuleInit(): void {
    this.board.register(this);
  }

  async noticesFor(actor: Actor, now: Date): Promise<DeskNotice[]> {
    return reportDueNotices(await this.reports.dueFor(actor, now));
  }
}
