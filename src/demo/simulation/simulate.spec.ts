import { join } from 'node:path';
import { readCsv } from 'src/common/files/csv';
import { localDateTimeOf } from 'src/common/time/local-time';
import { WorkingDayCalendar, computeDueDate, extendDueDate } from 'src/modules/calendar';
import { allProvinceCodes } from 'src/modules/bodies';
import { atasanDueDate } from 'src/modules/objections';
import { NoticeInput, RequestAction, RequestStatus, TRANSITIONS, deadlineState, nextStatus, nikProblem, parseNoticeInput, stateBounds } from 'src/modules/requests';
import { apportion, drawProfiles } from './profiles';
import { SimBody, SimRequest, simulateRequests } from './simulate';
import { BodyRef, placeName, planWorld, regionTitle } from './world';

const holidays = readCsv(join(__dirname, '../../modules/calendar/id-holidays.csv'));
const calendar = WorkingDayCalendar.build({
  nonWorkingDays: holidays.map((h) => h.date),
  confirmedYears: [...new Set(holidays.map((h) => Number(h.date.slice(0, 4))))],
});
const hours = { timeZone: 'Asia/Jakarta', opensAt: '08:00', closesAt: '16:00' };
const NOW = new Date('2026-11-27T03:30:00Z'); // Friday 10:30 WIB
const FOLLOW_UP_EVENTS = new Set(['objection_filed', 'objection_decided', 'dispute_recorded', 'dispute_updated']);

const REFS: BodyRef[] = [
  ['35.78', 'Kota Surabaya', 'kota'],
  ['35.07', 'Kabupaten Malang', 'kabupaten'],
  ['35.15', 'Kabupaten Sidoarjo', 'kabupaten'],
  ['35.73', 'Kota Malang', 'kota'],
  ['35.22', 'Kabupaten Bojonegoro', 'kabupaten'],
  ['35.76', 'Kota Mojokerto', 'kota'],
  ['35.09', 'Kabupaten Jember', 'kabupaten'],
].map(([regionCode, regionName, kind], i) => ({
  id: i + 1,
  regionCode,
  regionName,
  kind: kind as BodyRef['kind'],
  utama: { id: 100 + i, code: 'U', name: `PPID Utama ${regionName}` },
  ...hours,
}));

function bodies(seed: number, total: number): SimBody[] {
  let unitId = 1000;
  return planWorld(seed, REFS, total).map((plan) => ({
    id: plan.body.id,
    regionCode: plan.body.regionCode,
    region: regionTitle(plan.body),
    place: placeName(plan.body),
    province: 'Jawa Timur',
    hours,
    calendar,
    utama: { id: plan.body.utama.id, code: 'U', name: plan.body.utama.name, kind: null, staff: plan.utamaStaff.map((name) => ({ userId: null, name })) },
    pelaksana: plan.pelaksana.map((u) => ({ id: (unitId += 1), code: u.code, name: u.name, kind: u.kind, staff: u.staff.map((name) => ({ userId: null, name })) })),
    districts: [{ nikPrefix: `${plan.body.regionCode.replace('.', '')}01`, name: 'Kecamatan Uji', regency: plan.body.regionName, villages: ['Desa Sumberejo', 'Kelurahan Sawahan'] }],
    profile: plan.profile,
    requests: plan.requests,
  }));
}

function simulate(seed: number, total = 1400): SimRequest[] {
  return [...simulateRequests({ seed, now: NOW, bodies: bodies(seed, total) })];
}

describe('demo simulation', () => {
  const requests = simulate(7);

  it('should give the same requests for the same seed and clock, and others for another seed', () => {
    expect(JSON.stringify(simulate(7))).toBe(JSON.stringify(requests));
    expect(JSON.stringify(simulate(8))).not.toBe(JSON.stringify(requests));
  });

  it('should share the total out exactly and give every archetype a body', () => {
    expect(requests).toHaveLength(1400);
    expect(apportion(1000, [1, 2, 3.5, 0.2])).toEqual([149, 299, 522, 30]);
    expect(new Set(drawProfiles(1, REFS.map((b) => ({ key: b.regionCode, kind: b.kind }))).map((p) => p.archetype)).size).toBe(6);
  });

  it('should receive every request in the year before the clock, numbered gaplessly per unit and year in order of receipt', () => {
    const yearAgo = NOW.getTime() - 365 * 86_400_000;
    const last = new Map<string, { seq: number; at: number }>();
    for (const r of requests) {
      expect(r.receivedAt.getTime()).toBeGreaterThan(yearAgo - 86_400_000);
      expect(r.receivedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      const key = `${r.receivingUnitId}:${r.registrationYear}`;
      const prev = last.get(key) ?? { seq: 0, at: 0 };
      expect(r.registrationSeq).toBe(prev.seq + 1);
      expect(r.receivedAt.getTime()).toBeGreaterThanOrEqual(prev.at);
      expect(r.registrationYear).toBe(Number(localDateTimeOf(r.receivedAt, 'Asia/Jakarta').date.slice(0, 4)));
      last.set(key, { seq: r.registrationSeq, at: r.receivedAt.getTime() });
    }
  });

  it('should write only transitions the table allows, in time order, up to the clock, ending in the status of the request', () => {
    const actionOf = new Map(Object.entries(TRANSITIONS).map(([action, t]) => [t.event, action as RequestAction]));
    for (const r of requests) {
      const [first, ...rest] = r.events;
      expect(first.type).toBe(r.channel === 'online' ? 'registered' : 'recorded_offline');
      expect(first.toStatus).toBe('received');
      let status: RequestStatus = 'received';
      let at = first.occurredAt.getTime();
      let recorded = 0;
      for (const e of rest) {
        expect(e.fromStatus).toBe(status);
        if (FOLLOW_UP_EVENTS.has(e.type)) {
          // Keberatan and sengketa are noted on the timeline without moving the status.
          expect(e.toStatus).toBe(status);
          recorded += 1;
        } else {
          expect(nextStatus(actionOf.get(e.type) as RequestAction, status)).toBe(e.toStatus);
        }
        expect(e.occurredAt.getTime()).toBeGreaterThanOrEqual(at);
        expect(e.occurredAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
        status = e.toStatus;
        at = e.occurredAt.getTime();
      }
      expect(r.status).toBe(status);
      expect(r.version).toBe(r.events.length - recorded);
    }
  });

  it('should close a grant only after its information was delivered, and date the delivery', () => {
    const closedGrants = requests.filter((r) => r.status === 'closed' && (r.decision === 'granted' || r.decision === 'partially_granted'));
    expect(closedGrants.length).toBeGreaterThan(0);
    for (const r of closedGrants) {
      expect(r.deliveredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const closed = r.events.find((e) => e.type === 'closed');
      expect(r.deliveredOn! <= localDateTimeOf(closed!.occurredAt, 'Asia/Jakarta').date).toBe(true);
    }
  });

  it('should take day 0 and due dates from the calendar, extensions after the current due date', () => {
    for (const r of requests) {
      const due = computeDueDate(calendar, r.receivedAt, 10, hours);
      expect(r.effectiveReceiptDate).toBe(due.effectiveReceiptDate);
      const reopened = r.events.filter((e) => e.type === 'reopened').pop();
      if (reopened) {
        // An overturned keberatan gives the PPID 10 working days from the atasan's answer.
        expect(r.dueDate).toBe(computeDueDate(calendar, reopened.occurredAt, 10, hours).dueDate);
        continue;
      }
      const extension = r.events.find((e) => e.type === 'extended');
      if (!extension) {
        expect(r.dueDate).toBe(due.dueDate);
        continue;
      }
      expect(extension.oldDueDate).toBe(due.dueDate);
      expect(extension.newDueDate).toBe(extendDueDate(calendar, due.dueDate, r.extendedDays as number).dueDate);
      expect(r.dueDate).toBe(extension.newDueDate);
    }
  });

  it('should give notices the officer form would accept, and NIKs the intake would accept', () => {
    const answers = requests.flatMap((r) => r.events.filter((e) => 'notice' in e.data));
    expect(new Set(answers.map((e) => (e.data.notice as NoticeInput).decision)).size).toBe(5);
    for (const e of answers) {
      const decidedOn = localDateTimeOf(e.occurredAt, 'Asia/Jakarta').date;
      expect(parseNoticeInput(JSON.parse(JSON.stringify(e.data.notice)) as Record<string, unknown>, decidedOn).errors).toBeNull();
    }
    for (const r of requests) if (r.requesterNik) expect(nikProblem(r.requesterNik, allProvinceCodes())).toBeNull();
  });

  it('should leave every body open requests that are aman and segera today', () => {
    const bounds = stateBounds(calendar, localDateTimeOf(NOW, 'Asia/Jakarta').date);
    for (const ref of REFS) {
      const states = new Set(
        requests.filter((r) => r.bodyId === ref.id && (r.status === 'received' || r.status === 'in_process')).map((r) => deadlineState(r.dueDate, bounds)),
      );
      expect(states).toContain('aman');
      expect(states).toContain('segera');
    }
  });

  describe('keberatan and sengketa', () => {
    const objected = requests.filter((r) => r.objection !== null);
    const objections = objected.map((r) => r.objection as NonNullable<SimRequest['objection']>);
    const localDate = (at: Date): string => localDateTimeOf(at, 'Asia/Jakarta').date;

    it('should draw some of every kind: overturned, upheld, pending, answered late, taken to the Komisi Informasi', () => {
      expect(objected.length).toBeGreaterThan(20);
      const statuses = new Set(objections.map((o) => o.status));
      for (const s of ['overturned', 'partially_overturned', 'upheld', 'pending']) expect(statuses).toContain(s);
      expect(objections.some((o) => o.responseDate !== null && o.responseDate > o.dueDate)).toBe(true);
      expect(objections.some((o) => o.responseDate !== null && o.responseDate <= o.dueDate)).toBe(true);
      expect(objections.filter((o) => o.dispute !== null).length).toBeGreaterThan(2);
      // Refusals are what requesters object to most.
      const refused = requests.filter((r) => r.events.some((e) => e.type === 'refused'));
      expect(refused.filter((r) => r.objection).length / refused.length).toBeGreaterThan(objected.length / requests.length);
    });

    it('should file each within 30 working days of its ground, due 30 working days later, numbered gaplessly per body and year', () => {
      const last = new Map<string, number>();
      for (const r of objected) {
        const o = r.objection as NonNullable<SimRequest['objection']>;
        const due = atasanDueDate(calendar, o.receivedAt, hours);
        expect({ day0: o.effectiveReceiptDate, due: o.dueDate }).toEqual({ day0: due.effectiveReceiptDate, due: due.dueDate });
        for (const arose of Object.values(o.groundsArose)) expect(localDate(o.receivedAt) <= calendar.addWorkingDays(arose, 30)).toBe(true);
        expect(o.receivedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
        const key = `${r.bodyId}:${o.year}`;
        expect(o.seq).toBe((last.get(key) ?? 0) + 1);
        expect(o.number).toBe(`${r.registrationNumber.split('-')[0]}-KEB-${o.year}-${String(o.seq).padStart(5, '0')}`);
        last.set(key, o.seq);
      }
    });

    it('should note each step on the request, reopen an overturned request and answer it again', () => {
      for (const r of objected) {
        const o = r.objection as NonNullable<SimRequest['objection']>;
        const types = r.events.map((e) => e.type);
        expect(types).toContain('objection_filed');
        expect(types.includes('objection_decided')).toBe(o.status !== 'pending');
        expect(types.includes('dispute_recorded')).toBe(o.dispute !== null);
        if (o.status === 'overturned' || o.status === 'partially_overturned') {
          const reopened = r.events.find((e) => e.type === 'reopened');
          expect(reopened?.occurredAt.getTime()).toBe(o.decidedAt?.getTime());
          expect(r.reopenedAt?.getTime()).toBe(o.decidedAt?.getTime());
          if (r.answeredAt) expect(r.decision).toBe('granted');
        }
        if (o.dispute) {
          expect(o.status === 'upheld' || (o.status === 'pending' && o.dueDate < o.dispute.filedOn)).toBe(true);
          expect(o.dispute.filedOn <= localDate(NOW)).toBe(true);
        }
      }
    });
  });
});
