import { Controller, Get, Param, Query, Render } from '@nestjs/common';
import { ApiExcludeController, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { BODY_SEARCH_MAX_LENGTH } from './body-search';
import { BodiesService, BodySummary } from './bodies.service';
import { BodyDto } from './dto/body.dto';

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
  async home(@Query('cari') cari?: unknown): Promise<object> {
    // A repeated ?cari= arrives as an array: read it as no search.
    const search = typeof cari === 'string' ? cari.trim().slice(0, BODY_SEARCH_MAX_LENGTH) : '';
    const [all, found] = await Promise.all([this.bodies.listBodies(), search ? this.bodies.listBodies(search) : null]);
    const bodies = found ?? all;
    return {
      title: 'Layanan Permohonan Informasi Publik',
      provinceName: all.find((b) => b.kind === 'provinsi')?.regionName,
      count: all.length,
      search,
      found: found && found.length,
      province: bodies.find((b) => b.kind === 'provinsi'),
      kabupaten: bodies.filter((b) => b.kind === 'kabupaten'),
      kota: bodies.filter((b) => b.kind === 'kota'),
    };
  }

  @Get('badan/:code')
  @Render('bodies/show')
  async body(@Param('code') code: string): Promise<object> {
    const body = await this.bodies.getBody(code);
    return { title: body.name, body };
  }
}
