import { Actor } from 'src/common/auth/actor';

/** A line on the officers' desk (the queue page) about something due that is not a request. */
export interface DeskNotice {
  tone: 'info' | 'warning' | 'danger';
  text: string;
  href: string;
  linkText: string;
}

/**
 * Who puts notices on the desk, provided under DESK_NOTICE_SOURCE by a module the queue does not
 * import (the annual report), so the queue needs no knowledge of it.
 */
export interface DeskNoticeSource {
  noticesFor(actor: Actor, now: Date): Promise<DeskNotice[]>;
}

export const DESK_NOTICE_SOURCE = Symbol('DESK_NOTICE_SOURCE');
