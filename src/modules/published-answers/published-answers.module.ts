import { Module, OnModuleInit } from '@nestjs/common';
import { AuthModule } from 'src/modules/auth';
import { BodiesModule } from 'src/modules/bodies';
import { DocumentsModule } from 'src/modules/documents';
import { FilesModule } from 'src/modules/files';
import { OfficerRequestSections, RequestsModule, TrackingSections } from 'src/modules/requests';
import { PublicationJobs } from './publication-jobs';
import { PublishedAnswersApiController } from './published-answers-api.controller';
import { PublishedAnswersOfficerController } from './published-answers-officer.controller';
import { PublishedAnswersPublicController } from './published-answers-public.controller';
import { PublishedAnswersRepository } from './published-answers.repository';
import { answerPath } from './published-answers.presenter';
import { PublishedAnswersService } from './published-answers.service';

/**
 * Published answers (jawaban yang dipublikasikan): tables published_answers,
 * published_answer_documents and published_answer_history, written only through
 * PublishedAnswersRepository; the sweep job that publishes decided requests with consent, the
 * public pages and API, and the officers' withholding and withdrawal.
 */
@Module({
  imports: [AuthModule, BodiesModule, DocumentsModule, FilesModule, RequestsModule],
  controllers: [PublishedAnswersApiController, PublishedAnswersPublicController, PublishedAnswersOfficerController],
  providers: [PublishedAnswersRepository, PublishedAnswersService, PublicationJobs],
  exports: [PublishedAnswersService],
})
export class PublishedAnswersModule implements OnModuleInit {
  constructor(
    private readonly tracking: TrackingSections,
    private readonly officerSections: OfficerRequestSections,
    private readonly answers: PublishedAnswersService,
  ) {}

  /** The requester's tracking page links their published answer; the officer's request page links its page. */
  onModuleInit(): void {
    this.tracking.register('publishedAnswer', async (request) => {
      const answer = await this.answers.answerOfRequest(request.id);
      return answer && answer.status === 'published' ? { href: answerPath(answer.id) } : null;
    });
    this.officerSections.register('publishedAnswer', async (request) => {
      const answer = await this.answers.answerOfRequest(request.id);
      return answer ? { href: `/petugas/jawaban/${answer.id}`, withdrawn: answer.status === 'withdrawn' } : null;
    });
  }
}
