import { Injectable, Logger } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { safeErrorSummary } from 'src/common/logging/error-summary';

/** A line on the officers' desk (the queue page) about something due that is not a request. */
export interface DeskNotice {
  tone: 'info' | 'warning' | 'danger';
  text: string;
  href: string;
  linkText: string;
}

/** A module that puts notices on the desk (the annual report, the DIP, the consultation desk). */
export interface DeskNoticeSource {
  /** Names the source in the log when it fails. */
  readonly deskNoticeSource: string;
  noticesFor(actor: Actor, now: Date): Promise<DeskNotice[]>;
}

/**
 * Where the desk's sources register (each in its module's onModuleInit), so that the queue shows
 * what other modules have due without importing any of them. A source that fails is logged and
 * left out: the queue itself still opens.
 */
@Injectable()
export class DeskNoticeBoard {
  private readonly logger = new Logger('DeskNoticeBoard');
  private readonly sources: DeskNoticeSource[] = [];

  register(source: DeskNoticeSource): void {
    if (!this.sources.includes(source)) this.sources.push(source);
  }

  async noticesFor(actor: Actor, now: Date): Promise<DeskNotice[]> {
    const lists = await Promise.all(
      this.sources.map((s) =>
        s.noticesFor(actor, now).catch((error: unknown) => {
          this.logger.warn(`desk notices of ${s.deskNoticeSource} left out: ${safeErrorSummary(error)}`);
          return [] as DeskNotice[];
        }),
      ),
    );
    return lists.flat();
  }
}
