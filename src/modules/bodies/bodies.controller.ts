import { Controller, Get, Param, Query, Render } from '@nestjs/common';
import { ApiExcludeController, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { BODY_SEARCH_MAX_LENGTH } from './body-search';
import { BodiesService, BodySummary } from './bodies.service';
import { BodyDto } from './dto/body.dto';
import { BodyPageView, HomePageView, presentBodyPage, presentHomePage } from './bodies.presenter';

@ApiTags('bodies')
@Controller('api/v1/bodies')
export class BodiesApiController {
  constructor(private readonly bodies: BodiesService) {}

  @Get()
  @ApiOkResponse({ type: [BodyDto], description: 'Badan publik of the province with their PPID units' })
  list(): Promise<BodySummary[]> {
    return this.bodies.listBodies();
  }
}

@ApiExcludeController()
@Controller()
export class HomePageController {
  constructor(private readonly bodies: BodiesService) {}

  @Get()
  @Render('home/index')
  async home(@Query('cari') cari?: unknown): Promise<HomePageView> {
    // A repeated ?cari= arrives as an array: read it as no search.
    const search = typeof cari === 'string' ? cari.trim().slice(0, BODY_SEARCH_MAX_LENGTH) : '';
    const [all, found] = await Promise.all([this.bodies.listBodies(), search ? this.bodies.listBodies(search) : null]);
    return presentHomePage(all, found, search);
  }

  @Get('badan/:code')
  @Render('bodies/show')
  async body(@Param('code') code: string): Promise<BodyPageView> {
    return presentBodyPage(await this.bodies.getBody(code));
  }
}
