import { Module } from '@nestjs/common';
import { BodiesApiController, HomePageController } from './bodies.controller';
import { BodiesRepository } from './bodies.repository';
import { BodiesService } from './bodies.service';

@Module({
  controllers: [BodiesApiController, HomePageController],
  providers: [BodiesRepository, BodiesService],
  exports: [BodiesService],
})
export class BodiesModule {}
