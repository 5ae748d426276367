import { InformationRequest } from 'src/modules/requests/request.entity';

/** Builds one section's view model for a request's page, or null when it has nothing to show. */
export type RequestSectionProvider = (request: InformationRequest, now: Date) => Promise<object | null>;

/**
 * Sections other modules add to a page about one request, so the page shows them without this
 * module knowing theirs. Each page has its own registry (an injectable subclass), and each section
 * is rendered by a partial named after it.
 */
export abstract class RequestPageSections {
  private readonly providers = new Map<string, RequestSectionProvider>();

  register(name: string, provider: RequestSectionProvider): void {
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
