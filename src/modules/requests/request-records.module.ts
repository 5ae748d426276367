import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from 'src/modules/files';
import { ConsequenceTestRecord } from './consequence-test.entity';
import { RequestSecrets } from './request-secrets';
import { RequestDocument } from './request-document.entity';
import { RequestEvent } from './request-event.entity';
import { InformationRequest } from './request.entity';
import { RequestsRepository } from './requests.repository';
import { TrackingCodes } from './tracking/tracking-code';

/**
 * The requests' records without their pages: the tables requests, request_events,
 * request_documents, consequence_tests and the number counters (written only through RequestsRepository), tracking
 * codes and the secrets kept on each request. RequestsModule adds intake, tracking and the
 * workflow; scripts (key rotation, demo data) use this part alone.
 */
@Module({
  imports: [TypeOrmModule.forFeature([InformationRequest, RequestEvent, RequestDocument, ConsequenceTestRecord]), FilesModule],
  providers: [RequestsRepository, TrackingCodes, RequestSecrets],
  exports: [RequestsRepository, TrackingCodes, RequestSecrets],
})
export class RequestRecordsModule {}
