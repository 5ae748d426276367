/**
 * The job a calendar change enqueues in its own transaction: recompute the due dates of open
 * requests. The worker lives with the requests (requests/workflow/due-date-recompute.ts).
 */
export const CALENDAR_RECOMPUTE_QUEUE = 'calendar.recompute';

export interface CalendarRecomputeJob {
  /** The body whose closures changed; null for national days or a year's confirmation (every body). */
  bodyId: number | null;
}

export function isCalendarRecomputeJob(data: unknown): data is CalendarRecomputeJob {
  if (typeof data !== 'object' || data === null || !('bodyId' in data)) return false;
  const { bodyId } = data as { bodyId: unknown };
  return bodyId === null || (typeof bodyId === 'number' && Number.isInteger(bodyId) && bodyId > 0);
}
