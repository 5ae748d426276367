import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { deskView, DeskView } from './scorecards.presenter';
import { ScorecardsService } from './scorecards.service';

/** The provincial bureau's desk, where its accounts land after signing in. */
@ApiExcludeController()
@Controller('biro')
@Authenticated('bureau', 'admin')
export class BureauDeskController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Get()
  @Render('scorecards/desk')
  async show(@CurrentActor() actor: Actor): Promise<DeskView> {
    return deskView(await this.scorecards.desk(actor, new Date()));
  }
}
