/** The queue's filters as its page keeps them ('' = not set). */
export interface QueueFilters {
  status: string;
  state: string;
  channel: string;
  assignee: string;
  q: string;
}

export interface QueueStateLink {
  state: '' | 'terlambat' | 'segera' | 'aman';
  href: string;
  current: boolean;
}

/**
 * Links of the state counts: each keeps the other filters, since the counts are taken under them,
 * so a count always says how many rows its link lists.
 */
export function queueStateLinks(filters: QueueFilters): Record<'terlambat' | 'segera' | 'aman' | 'semua', QueueStateLink> {
  const link = (state: QueueStateLink['state']): QueueStateLink => {
    const params = new URLSearchParams();
    for (const key of ['q', 'status', 'channel', 'assignee'] as const) if (filters[key] !== '') params.set(key, filters[key]);
    if (state !== '') params.set('state', state);
    const query = params.toString();
    return { state, href: query ? `/petugas?${query}` : '/petugas', current: filters.state === state };
  };
  return { terlambat: link('terlambat'), segera: link('segera'), aman: link('aman'), semua: link('') };
}
