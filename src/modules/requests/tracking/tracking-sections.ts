import { Injectable } from '@nestjs/common';
import { RequestPageSections, RequestSectionProvider } from 'src/modules/requests/request-page-sections';

export type TrackingSectionProvider = RequestSectionProvider;

/**
 * Sections other modules add to the requester's tracking page (objections and disputes). Each is
 * rendered by the partial `tracking-<name>` under views/partials.
 */
@Injectable()
export class TrackingSections extends RequestPageSections {}
