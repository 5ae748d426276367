import { Controller, Get, Query, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { given } from './dto/scorecard-query.dto';
import { BureauQueueQuery } from './dto/bureau-queue-query.dto';
import { queuePageView, QueuePageView } from './bureau-queue.presenter';
import { BureauQueueService } from './bureau-queue.service';

/** The bureau's queue of every body's requests, and the list behind each figure of its desk. */
@ApiExcludeController()
@Controller('biro/permohonan')
@Authenticated('bureau', 'admin')
export class BureauQueueController {
  constructor(private readonly queue: BureauQueueService) {}

  @Get()
  @Render('scorecards/queue')
  async show(@CurrentActor() actor: Actor, @Query() q: BureauQueueQuery): Promise<QueuePageView> {
    const input = {
      badan: given(q.badan),
      tahun: given(q.tahun),
      triwulan: given(q.triwulan),
      dari: given(q.dari),
      sampai: given(q.sampai),
      status: given(q.status),
      metrik: given(q.metrik),
      halaman: given(q.halaman),
    };
    return queuePageView(await this.queue.queue(actor, input, new Date()));
  }
}
