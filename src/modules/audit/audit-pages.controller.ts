import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { statusOf, ValidationFailed } from 'src/common/errors/domain-error';
import { AppConfig } from 'src/config/app-config';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { parseAuditQuery, AuditQueryParams } from './audit-query';
import { AuditService } from './audit.service';
import { auditCsvLine, auditPageView, CSV_HEADER } from './audit.presenter';

/** The audit trail for admins: a filtered, paged list and the same as CSV. */
@ApiExcludeController()
@Controller('admin')
@Authenticated('admin')
export class AuditPagesController {
  constructor(
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  @Get('audit')
  async index(@CurrentActor() actor: Actor, @Query() params: AuditQueryParams, @Res() res: Response): Promise<void> {
    const timeZone = this.config.provinceTimeZone;
    try {
      const query = parseAuditQuery(params, timeZone);
      const page = await this.audit.page(actor, query);
      res.render('audit/index', auditPageView(page, query, params, {}, timeZone));
    } catch (e) {
      if (!(e instanceof ValidationFailed)) throw e;
      res.status(statusOf(e.code)).render('audit/index', auditPageView(null, null, params, e.errors ?? {}, timeZone));
    }
  }

  @Get('audit.csv')
  async csv(@CurrentActor() actor: Actor, @Query() params: AuditQueryParams, @Res() res: Response): Promise<void> {
    const query = parseAuditQuery(params, this.config.provinceTimeZone);
    const batches = this.audit.export(actor, query);
    // The first batch (and the access check and the export's own entry) before any header is sent.
    const first = await batches.next();
    res.status(200).set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="jejak-audit.csv"',
      'Cache-Control': 'no-store',
    });
    res.write(`\uFEFF${CSV_HEADER}`);
    try {
      if (!first.done) {
        res.write(first.value.map(auditCsvLine).join(''));
        for await (const rows of batches) res.write(rows.map(auditCsvLine).join(''));
      }
      res.end();
    } catch (e) {
      // Headers are out: cut the download so it cannot pass for a complete file.
      res.destroy();
      throw e;
    }
  }
}
