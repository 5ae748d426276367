import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, map, Observable, of, switchMap } from 'rxjs';
import { isApiPath } from 'src/modules/auth';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { localDateTimeOf } from 'src/common/time/local-time';
import { safeErrorSummary } from 'src/common/logging/error-summary';
import { AppConfig } from 'src/config/app-config';

/** How long an instance trusts its answer; confirming a year on this instance clears it at once. */
const CACHE_TTL_MS = 60_000;

/** Whether next year (in the province's time zone) still lacks a confirmed holiday list, cached briefly. */
@Injectable()
export class NextYearNotice {
  private cached?: { year: number; confirmed: boolean; loadedAt: number };

  constructor(
    private readonly calendar: CalendarService,
    private readonly config: AppConfig,
  ) {}

  /** Next year when its list is not confirmed yet, else null. */
  async unconfirmedNextYear(now: Date): Promise<number | null> {
    const year = Number(localDateTimeOf(now, this.config.provinceTimeZone).date.slice(0, 4)) + 1;
    const c = this.cached;
    if (!c || c.year !== year || now.getTime() - c.loadedAt >= CACHE_TTL_MS) {
      const confirmed = await this.calendar.isYearConfirmed(year);
      this.cached = { year, confirmed, loadedAt: now.getTime() };
      return confirmed ? null : year;
    }
    return c.confirmed ? null : year;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}

/**
 * Puts `calendarYearBanner` into res.locals on admins' pages while next year's holiday list is
 * unconfirmed; the layout shows the warning. A failed check shows no banner rather than no page.
 */
@Injectable()
export class CalendarBannerInterceptor implements NestInterceptor {
  private readonly logger = new Logger('CalendarBanner');

  constructor(private readonly notice: NextYearNotice) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    if (req.actor?.role !== 'admin' || isApiPath(req.path)) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    return from(this.notice.unconfirmedNextYear(new Date())).pipe(
      catchError((error: unknown) => {
        this.logger.warn({ msg: 'calendar banner check failed', error: safeErrorSummary(error) });
        return of(null);
      }),
      map((year) => {
        if (year !== null) res.locals.calendarYearBanner = { year };
      }),
      switchMap(() => next.handle()),
    );
  }
}
