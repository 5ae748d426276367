import { Injectable } from '@nestjs/common';
import { RequestPageSections, RequestSectionProvider } from 'src/modules/requests/request-page-sections';

export type OfficerRequestSectionProvider = RequestSectionProvider;

/**
 * Sections other modules add to the officer's request page (the request's objections). Called only
 * after the officer was allowed to see the request; each is rendered by the partial
 * `officer-<name>` under views/partials.
 */
@Injectable()
export class OfficerRequestSections extends RequestPageSections {}
