import { Injectable } from '@nestjs/common';
import { InformationRequest } from 'src/modules/requests/request.entity';

/** Builds one section's view model for the officer's request page, or null when it has nothing to show. */
export type OfficerRequestSectionProvider = (request: InformationRequest, now: Date) => Promise<object | null>;

/**
 * Sections other modules add to the officer's request page (the request's objections), so the page
 * shows them without this module knowing theirs. Called only after the officer was allowed to see
 * the request; each is rendered by the partial `officer-<name>` under views/partials.
 */
@Injectable()
export class OfficerRequestSections {
  private readonly providers = new Map<string, OfficerRequestSectionProvider>();

  register(name: string, provider: OfficerRequestSectionProvider): void {
    this.providers.set(name, provider);
  }

  async of(request: InformationRequest, now: Date): Promise<Record<string, object>> {
    const out: Record<string, object> = {};
    for (const [name, provider] of this.providers) {
      const section = await provider(request, now);
      if (section) out[name] = section;
    }
    return out;
  }
}
