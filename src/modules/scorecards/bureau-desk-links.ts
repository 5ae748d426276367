import { drillDownHref } from './bureau-queue-filter';
import { Period } from './scorecard-period';

/** Where each figure of the bureau's desk leads: the list of the requests behind it. */
export interface DeskLinks {
  queue: string;
  received: string;
  onTime: string;
  decided: string;
  late: string;
  overdue: string;
}

export function deskLinks(p: Period): DeskLinks {
  return {
    queue: drillDownHref(p, {}),
    received: drillDownHref(p, { metric: 'received' }),
    onTime: drillDownHref(p, { metric: 'onTime' }),
    decided: drillDownHref(p, { metric: 'decided' }),
    late: drillDownHref(p, { metric: 'late' }),
    overdue: drillDownHref(p, { metric: 'overdueAtEnd' }),
  };
}
