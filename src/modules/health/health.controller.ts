import { Controller, Get, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DatabaseService } from 'src/database/database.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: DatabaseService) {}

  @Get()
  @ApiResponse({ status: 200, description: '{ "status": "ok" } when the database answers' })
  @ApiResponse({ status: 503, description: '{ "status": "unavailable" } when it does not' })
  async check(@Res() res: Response): Promise<void> {
    const ok = await this.db.isHealthy();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable' });
  }
}
