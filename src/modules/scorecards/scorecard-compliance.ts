import { LocalDate } from 'src/common/time/local-time';
import { AnnualReportStanding, ObjectionFigures } from './compliance-sources';

export const NO_OBJECTIONS: ObjectionFigures = {
  objections: 0,
  requestsObjected: 0,
  overturned: 0,
  answered: 0,
  answeredOnTime: 0,
  overdue: 0,
  disputes: 0,
  requestsDisputed: 0,
};

export function addObjectionFigures(a: ObjectionFigures, b: ObjectionFigures): ObjectionFigures {
  const out = { ...a };
  for (const key of Object.keys(NO_OBJECTIONS) as (keyof ObjectionFigures)[]) out[key] = a[key] + b[key];
  return out;
}

/**
 * Where a body stands with its annual report of `reportYear`, due by `deadline` (31 March of the
 * next year, in the body's zone): on time when published on or before that day; late when published
 * after it, or when the day has passed (`today` after it) with nothing published; not yet due
 * (onTime null) while the day has not passed and nothing is published.
 */
export function annualReportStanding(reportYear: number, deadline: LocalDate, publishedOn: LocalDate | null, today: LocalDate): AnnualReportStanding {
  let onTime: boolean | null;
  if (publishedOn !== null) onTime = publishedOn <= deadline;
  else onTime = today > deadline ? false : null;
  return { reportYear, deadline, publishedOn, onTime };
}
