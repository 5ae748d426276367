import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiExcludeController, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { submitForm } from 'src/common/forms/form-page';
import { AppConfig } from 'src/config/app-config';
import { ActionNotAllowed, RequestNotFound } from 'src/modules/requests/request.errors';
import { WithdrawalDto } from 'src/modules/requests/workflow/dto/request-actions.dto';
import { RequestActionsService } from 'src/modules/requests/workflow/request-actions.service';
import { presentTracking } from './tracking.presenter';
import { TrackingService } from './tracking.service';

type FormBody = Record<string, string | undefined>;

/** The requester withdraws a request (dicabut) with the registration number and tracking code. */
@ApiTags('requests')
@Controller('api/v1/requests')
export class WithdrawalApiController {
  constructor(private readonly actions: RequestActionsService) {}

  @Post(':number/withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: 'The requester withdraws a request not yet finished; its clock stops' })
  @ApiHeader({ name: 'X-Tracking-Code', required: true })
  @ApiBody({ type: WithdrawalDto, required: false })
  @ApiResponse({ status: 200, description: '{ "registrationNumber", "status": "withdrawn", "withdrawnAt" }' })
  @ApiResponse({ status: 404, description: 'Unknown number or wrong code (the same answer)' })
  @ApiResponse({ status: 409, description: 'Already finished (closed or withdrawn)' })
  async withdraw(
    @Req() req: Request,
    @Param('number') number: string,
    @Body() body: Record<string, unknown> | undefined,
    @Headers('x-tracking-code') code?: string,
  ): Promise<{ registrationNumber: string; status: string; withdrawnAt: string | null }> {
    const r = await this.actions.withdraw({ number, code: code ?? '', clientIp: req.ip ?? 'unknown', reason: body?.reason }, new Date());
    return { registrationNumber: r.registrationNumber, status: r.status, withdrawnAt: r.withdrawnAt?.toISOString() ?? null };
  }
}

/** /lacak/cabut: the tracking page's withdrawal, confirmed on a page of its own first. */
@ApiExcludeController()
@Controller('lacak')
export class WithdrawalPagesController {
  constructor(
    private readonly actions: RequestActionsService,
    private readonly tracking: TrackingService,
    private readonly config: AppConfig,
  ) {}

  @Post('cabut')
  async withdraw(@Req() req: Request, @Body() body: FormBody, @Res() res: Response): Promise<void> {
    const nomor = (body.nomor ?? '').slice(0, 40);
    const kode = (body.kode ?? '').slice(0, 40);
    const clientIp = req.ip ?? 'unknown';
    try {
      if (body.konfirmasi !== 'ya') {
        // The first step only checks the code and asks for confirmation; nothing changes yet.
        const request = await this.tracking.find(nomor, kode, clientIp);
        res.status(200).render('tracking/withdraw', { title: 'Cabut permohonan', nomor: request.registrationNumber, kode });
        return;
      }
      await submitForm(
        res,
        {
          fields: ['reason'],
          values: { reason: body.reason ?? '' },
          idPrefix: 'cabut',
          shows: (e) => e instanceof ActionNotAllowed,
          render: () => ({ view: 'tracking/withdraw', model: { title: 'Cabut permohonan', nomor, kode } }),
        },
        async () => {
          const request = await this.actions.withdraw({ number: nomor, code: kode, clientIp, reason: body.reason }, new Date());
          const view = presentTracking(await this.tracking.record(request), this.config.appUrl);
          res.status(200).render('tracking/result', {
            title: `Permohonan ${request.registrationNumber}`,
            ...view,
            kode,
            done: 'Permohonan Anda telah dicabut. Petugas PPID tidak lagi memprosesnya.',
          });
        },
      );
    } catch (e) {
      if (!(e instanceof RequestNotFound)) throw e;
      res.status(404).render('tracking/index', { title: 'Lacak permohonan', values: { nomor }, notFound: e.message });
    }
  }
}
