import { Module } from '@nestjs/common';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { FilesModule } from 'src/modules/files/files.module';
import { TrackingCodes } from 'src/modules/requests/tracking/tracking-code';
import { DemoDataService } from './demo-data.service';
import { DEMO_SETTINGS, demoSettingsFrom } from './demo-settings';

/**
 * Demo data (DEMO_DATA): a seeded simulation of a year of requests for every body, loaded once
 * into a new database on start. The same loader backs `npm run demo` (scripts/demo-data.ts).
 */
@Module({
  imports: [CalendarModule, FilesModule],
  providers: [{ provide: DEMO_SETTINGS, useFactory: () => demoSettingsFrom(process.env) }, TrackingCodes, DemoDataService],
  exports: [DemoDataService],
})
export class DemoModule {}
