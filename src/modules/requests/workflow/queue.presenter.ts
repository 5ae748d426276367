import { formatLocalDate } from 'src/common/views/view-helpers';
import { CHANNELS, optionsOf } from 'src/modules/requests/request-options';
import { STATUS_LABELS } from 'src/modules/requests/request-status';
import { DEADLINE_STATE_LABELS, DeadlineState } from './deadline-state';
import { QueueFilters, queueStateLinks, QueueStateLink } from './queue-links';
import { QueueItem, QueuePage } from './queue.service';

/** The queue's filters offer open requests only, so "closed" is no filter there. */
const OPEN_STATUS_LABELS = {
  received: STATUS_LABELS.received,
  in_process: STATUS_LABELS.in_process,
  awaiting_approval: STATUS_LABELS.awaiting_approval,
  answered: STATUS_LABELS.answered,
};

export interface Option {
  value: string;
  label: string;
  selected: boolean;
}

/** One row of the queue page, in words. */
export interface QueueRowView {
  id: string;
  registrationNumber: string;
  requesterName: string;
  unitName: string;
  dueDateText: string;
  dueProvisional: boolean;
  extended: boolean;
  state: DeadlineState | null;
  stateLabel: string;
  daysOverdue: number;
  statusLabel: string;
  channelLabel: string;
  assigneeName: string | null;
}

/** What views/officer/queue.hbs shows. */
export interface QueuePageView {
  title: string;
  items: QueueRowView[];
  counts: QueuePage['counts'];
  today: string;
  filters: QueueFilters;
  stateLinks: Record<'terlambat' | 'segera' | 'aman' | 'semua', QueueStateLink>;
  statuses: Option[];
  channels: Option[];
  nextUrl: string | null;
  canRecord: boolean;
}

export function presentQueueRow(item: QueueItem): QueueRowView {
  return {
    id: item.id,
    registrationNumber: item.registrationNumber,
    requesterName: item.requesterName,
    unitName: item.unitName,
    dueDateText: formatLocalDate(item.dueDate),
    dueProvisional: item.dueProvisional,
    extended: item.extended,
    state: item.state,
    stateLabel: item.state ? DEADLINE_STATE_LABELS[item.state] : 'Sudah dijawab',
    daysOverdue: item.daysOverdue,
    statusLabel: STATUS_LABELS[item.status] ?? item.status,
    channelLabel: CHANNELS[item.channel] ?? item.channel,
    assigneeName: item.assigneeName,
  };
}

/** The officers' queue page: rows in words, the state counts as links keeping the other filters, the next page. */
export function presentQueuePage(page: QueuePage, filters: QueueFilters, canRecord: boolean): QueuePageView {
  const keep = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '') as [string, string][]);
  if (page.nextCursor) keep.set('after', page.nextCursor);
  return {
    title: 'Antrean permohonan',
    items: page.items.map(presentQueueRow),
    counts: page.counts,
    today: page.today,
    filters,
    stateLinks: queueStateLinks(filters),
    statuses: optionsOf(OPEN_STATUS_LABELS, filters.status),
    channels: optionsOf(CHANNELS, filters.channel),
    nextUrl: page.nextCursor ? `/petugas?${keep.toString()}` : null,
    canRecord,
  };
}
