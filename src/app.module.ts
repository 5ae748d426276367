import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AnnualReportsModule } from 'src/modules/annual-reports';
import { AuditModule } from 'src/modules/audit';
import { AuthModule } from 'src/modules/auth';
import { BodiesModule } from 'src/modules/bodies';
import { CalendarModule } from 'src/modules/calendar';
import { DipModule } from 'src/modules/dip';
import { PublishedAnswersModule } from 'src/modules/published-answers';
import { ConsultationsModule } from 'src/modules/consultations';
import { HealthModule } from 'src/modules/health';
import { JobsModule } from 'src/modules/jobs';
import { MonevModule } from 'src/modules/monev';
import { NotificationsModule } from 'src/modules/notifications';
import { ObjectionsModule } from 'src/modules/objections';
import { RemindersModule } from 'src/modules/reminders';
import { RegistersModule } from 'src/modules/registers';
import { RequestsModule } from 'src/modules/requests';
import { ScorecardsModule } from 'src/modules/scorecards';
import { SearchModule } from 'src/modules/search';
import { DeskModule } from './common/desk/desk.module';
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
        DeskModule,
        AuditModule,
        AuthModule,
        JobsModule,
        NotificationsModule,
        HealthModule,
        BodiesModule,
        CalendarModule,
        RequestsModule,
        ObjectionsModule,
        ConsultationsModule,
        RegistersModule,
        AnnualReportsModule,
        RemindersModule,
        MonevModule,
        ScorecardsModule,
        DipModule,
        SearchModule,
        PublishedAnswersModule,
      ],
    };
  }
}
