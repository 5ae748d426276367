import { Module } from '@nestjs/common';
import { AuthModule } from 'src/modules/auth';
import { BodiesModule } from 'src/modules/bodies';
import { DocumentsModule } from 'src/modules/documents';
import { FilesModule } from 'src/modules/files';
import { PublicationJobs } from './publication-jobs';
import { PublishedAnswersApiController } from './published-answers-api.controller';
import { PublishedAnswersOfficerController } from './published-answers-officer.controller';
import { PublishedAnswersPublicController } from './published-answers-public.controller';
import { PublishedAnswersRepository } from './published-answers.repository';
import { PublishedAnswersService } from './published-answers.service';

/**
 * Published answers (jawaban yang dipublikasikan): tables published_answers,
 * published_answer_documents and published_answer_history, written only through
 * PublishedAnswersRepository; the sweep job that publishes decided requests with consent, the
 * public pages and API, and the officers' withholding and withdrawal.
 */
@Module({
  imports: [AuthModule, BodiesModule, DocumentsModule, FilesModule],
  controllers: [PublishedAnswersApiController, PublishedAnswersPublicController, PublishedAnswersOfficerController],
  providers: [PublishedAnswersRepository, PublishedAnswersService, PublicationJobs],
  exports: [PublishedAnswersService],
})
export class PublishedAnswersModule {}
