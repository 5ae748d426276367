import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './modules/audit';
import { AuthModule } from './modules/auth/auth.module';
import { BodiesModule } from './modules/bodies/bodies.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { HealthModule } from './modules/health/health.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { RemindersModule } from './modules/reminders/reminders.module';
import { RequestsModule } from './modules/requests/requests.module';
import { SecurityModule } from './common/security/security.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        SecurityModule,
        AuditModule,
        AuthModule,
        JobsModule,
        NotificationsModule,
        HealthModule,
        BodiesModule,
        CalendarModule,
        RequestsModule,
        RemindersModule,
      ],
    };
  }
}
