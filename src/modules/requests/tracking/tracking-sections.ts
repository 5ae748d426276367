import { Injectable } from '@nestjs/common';
import { InformationRequest } from 'src/modules/requests/request.entity';

/** Builds one section's view model for a request's tracking page, or null when it has nothing to show. */
export type TrackingSectionProvider = (request: InformationRequest, now: Date) => Promise<object | null>;

/**
 * Sections other modules add to the requester's tracking page (objections and disputes), so the
 * page shows them without this module knowing theirs. Each is rendered by the partial
 * `tracking-<name>` under views/partials.
 */
@Injectable()
export class TrackingSections {
  private readonly providers = new Map<string, TrackingSectionProvider>();

  register(name: string, provider: TrackingSectionProvider): void {
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
