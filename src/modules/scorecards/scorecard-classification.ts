/**
 * The one classification of requests behind every scorecard figure, shared by the counts
 * (scorecards.repository.ts) and the lists of requests behind a figure
 * (scorecard-requests.repository.ts), so a figure and its list can never disagree.
 *
 * Parameters of the statements built here: $1 first day, $2 last day (local dates in the
 * province's zone), $3 the province's zone, $4 the day the backlog is counted at (the period's
 * end, or today while it runs), $5 today.
 */

/**
 * The local date of the notice in the handling unit's zone, the due date that counts (an
 * extension made after the original due date had passed does not move it), and whether the
 * refusal names a ground and records a full consequence test. Read-only over the requests' tables.
 * `source` is the table (or a derived table of its rows) the requests are read from, named `q`;
 * `zone` the parameter that holds the province's zone.
 */
export function factsFrom(source = 'requests', zone = '$3'): string {
  return `
  SELECT q.id, q.unit_id, q.body_id, q.decision, q.delivered_on, q.closed_at, q.effective_receipt_date,
         (q.received_at AT TIME ZONE ${zone})::date AS received_on,
         (q.answered_at AT TIME ZONE u.time_zone)::date AS notice_on,
         (q.withdrawn_at AT TIME ZONE u.time_zone)::date AS withdrawn_on,
         x.request_id IS NOT NULL AS extended,
         CASE WHEN x.request_id IS NOT NULL AND (x.occurred_at AT TIME ZONE u.time_zone)::date > x.old_due_date
              THEN x.old_due_date ELSE q.due_date END AS due,
         f.justified
    FROM ${source} q
    JOIN ppid_units u ON u.id = q.unit_id
    LEFT JOIN LATERAL (
      SELECT e.request_id, e.occurred_at, e.old_due_date FROM request_events e
       WHERE e.request_id = q.id AND e.type = 'extended' ORDER BY e.id LIMIT 1
    ) x ON true
    LEFT JOIN LATERAL (
      SELECT e.data->'notice'->>'exemptionGround' IS NOT NULL
             AND jsonb_typeof(e.data->'notice'->'consequenceTest') = 'object'
             AND coalesce(e.data->'notice'->'consequenceTest'->>'date', '') <> ''
             AND coalesce(e.data->'notice'->'consequenceTest'->>'consequence', '') <> ''
             AND CASE WHEN jsonb_typeof(e.data->'notice'->'consequenceTest'->'participants') = 'array'
                      THEN jsonb_array_length(e.data->'notice'->'consequenceTest'->'participants') > 0 ELSE false END AS justified
        FROM request_events e
       WHERE e.request_id = q.id AND q.decision = 'refused' AND e.type IN ('refused', 'refusal_approved')
       ORDER BY e.id DESC LIMIT 1
    ) f ON true`;
}

/** The facts of every request (add a WHERE over `q`). */
export const FACTS = factsFrom();

/**
 * Whether a request counts as settled: not withdrawn, or withdrawn only after its notice. The
 * column `settled` of `classified`, and of the rollups' facts.
 */
export const SETTLED = '(withdrawn_on IS NULL OR (notice_on IS NOT NULL AND notice_on <= withdrawn_on))';

/**
 * `facts` and `classified` as a WITH list: the requests received in the period, and those received
 * before it still open (or answered) when it began, for the backlog. `extra` narrows the facts
 * further (e.g. one body) with parameters after $5.
 */
export function classifiedCte(extra = ''): string {
  return `facts AS (${FACTS}
         WHERE q.received_at < (($2::date + 1)::timestamp AT TIME ZONE $3)
           AND (q.received_at >= ($1::date::timestamp AT TIME ZONE $3) OR q.answered_at IS NULL OR q.answered_at >= ($1::date::timestamp AT TIME ZONE $3))
           ${extra}
       ), classified AS (
         SELECT *, received_on >= $1 AS in_period,
                ${SETTLED} AS settled
           FROM facts
       )`;
}

/**
 * Each figure's condition on a `classified` row. The counts are `count(*) FILTER (WHERE …)` of
 * these; the list behind a figure is `WHERE …` of the same text.
 */
export const METRIC_CONDITIONS = {
  received: 'in_period',
  settled: 'in_period AND settled',
  decided: 'in_period AND settled AND (notice_on IS NOT NULL OR due < $5)',
  onTime: 'in_period AND settled AND notice_on IS NOT NULL AND notice_on <= due',
  /** Decided but not on time: the on-time rate's complement. */
  late: 'in_period AND settled AND (notice_on IS NOT NULL OR due < $5) AND NOT (notice_on IS NOT NULL AND notice_on <= due)',
  extended: 'in_period AND settled AND extended',
  answered: 'in_period AND notice_on IS NOT NULL AND settled',
  refused: "in_period AND settled AND decision = 'refused'",
  justifiedRefusals: "in_period AND settled AND decision = 'refused' AND justified",
  grants: "in_period AND settled AND decision IN ('granted', 'partially_granted')",
  delivered: "in_period AND settled AND decision IN ('granted', 'partially_granted') AND (delivered_on IS NOT NULL OR closed_at IS NOT NULL)",
  overdueAtEnd: `received_on <= $4 AND due < $4
                 AND (notice_on IS NULL OR notice_on > $4)
                 AND (withdrawn_on IS NULL OR withdrawn_on > $4)`,
  /** Turned overdue during the period: due the day before it or within it, and no notice by the due date. */
  becameOverdue: `due >= $1::date - 1 AND due < $2 AND due < $5
                  AND (notice_on IS NULL OR notice_on > due)
                  AND (withdrawn_on IS NULL OR withdrawn_on > due)`,
} as const;

export type ScorecardMetricKey = keyof typeof METRIC_CONDITIONS;

export const METRIC_KEYS = Object.keys(METRIC_CONDITIONS) as ScorecardMetricKey[];

/** The counts the scorecards are computed from (RequestCounts), in the order of its fields. */
export const COUNTED_METRICS = [
  'received',
  'settled',
  'decided',
  'onTime',
  'extended',
  'answered',
  'refused',
  'justifiedRefusals',
  'grants',
  'delivered',
  'overdueAtEnd',
] as const satisfies readonly ScorecardMetricKey[];

/** `count(*) FILTER (WHERE …)::int AS "<name>"` for each counted figure. */
export function countColumns(): string {
  return COUNTED_METRICS.map((m) => `count(*) FILTER (WHERE ${METRIC_CONDITIONS[m]})::int AS "${m}"`).join(',\n              ');
}

/**
 * The states the bureau's queue filters by, on the same rows. Open and overdue are as of $5 (today).
 */
export const STATE_CONDITIONS = {
  open: 'in_period AND notice_on IS NULL AND withdrawn_on IS NULL AND closed_at IS NULL',
  overdue: 'in_period AND notice_on IS NULL AND withdrawn_on IS NULL AND closed_at IS NULL AND due < $5',
  answered: 'in_period AND notice_on IS NOT NULL',
  answeredOnTime: METRIC_CONDITIONS.onTime,
  answeredLate: 'in_period AND notice_on IS NOT NULL AND settled AND notice_on > due',
  withdrawn: 'in_period AND withdrawn_on IS NOT NULL AND NOT settled',
} as const;

export type QueueState = keyof typeof STATE_CONDITIONS;
