import { Controller, Get, Param, Render } from '@nestjs/common';
import { ApiExcludeController, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  async home(): Promise<object> {
    const bodies = await this.bodies.listBodies();
    return {
      title: 'Layanan Permohonan Informasi Publik',
      province: bodies.find((b) => b.kind === 'provinsi'),
      kabupaten: bodies.filter((b) => b.kind === 'kabupaten'),
      kota: bodies.filter((b) => b.kind === 'kota'),
      count: bodies.length,
    };
  }

  @Get('badan/:code')
  @Render('bodies/show')
  async body(@Param('code') code: string): Promise<object> {
    const body = await this.bodies.getBody(code);
    return { title: body.name, body };
  }
}
