/**
 * When requests come in: days drawn over the simulated year (busier in the budget season, rare on
 * days off), minutes by channel (offline channels in office hours), and a few open requests per
 * body received so that the queue shows each deadline state today.
 */
import { MINUTES_PER_DAY, isWeekend, partsFromDayNumber } from 'src/common/time/local-time';
import { Channel } from 'src/modules/requests';
import { BodyClock } from './body-clock';
import { SimBody } from './model';
import { Random, WeightedTable } from './random';

/** Open requests every body gets, received so that the queue shows each deadline state today. */
export type Pin = 'aman' | 'segera' | 'terlambat';
/** Working days between day 0 and today: due in 8 (aman), in 2 (segera), 5 days ago (terlambat). */
const PIN_DAYS_BACK: Record<Pin, number> = { aman: 2, segera: 8, terlambat: 15 };
const SIMULATED_DAYS = 365;

const CHANNELS_WORKING_DAY = new WeightedTable<Channel>([
  ['online', 66],
  ['walk_in', 12],
  ['letter', 9],
  ['email', 9],
  ['phone', 4],
]);
const CHANNELS_DAY_OFF = new WeightedTable<Channel>([
  ['online', 85],
  ['email', 15],
]);

/** One request's arrival: local day and time, and how it came in. */
export interface Slot {
  day: number;
  minute: number;
  second: number;
  channel: Channel;
  pin: Pin | null;
}

function dayWeight(clock: BodyClock, day: number): number {
  const month = partsFromDayNumber(day).month;
  // Busier in the budget season (August–November), quieter around the new year.
  const season = month >= 8 && month <= 11 ? 1.15 : month === 1 ? 0.85 : 1;
  const base = clock.calendar.isWorkingDayNumber(day) ? 1 : isWeekend(day) ? 0.1 : 0.15;
  const partial = day === clock.today ? clock.nowMinute / MINUTES_PER_DAY : 1;
  return base * season * partial;
}

/** Minute of the day a request comes in: offline channels in office hours, online also evenings and weekends. */
function receiptMinute(random: Random, clock: BodyClock, working: boolean, channel: Channel): number {
  const span = clock.closes - clock.opens;
  const inHours = () => clock.opens + Math.floor(span * random.next() ** 1.2);
  if (!working) return random.int(7 * 60, 22 * 60 - 1);
  if (channel === 'walk_in' || channel === 'phone' || channel === 'letter') return inHours();
  const u = random.next();
  if (u < 0.78) return inHours();
  if (u < 0.92) return random.int(clock.closes, 23 * 60 - 1);
  return random.int(5 * 60, Math.max(5 * 60, clock.opens - 1));
}

/** The pinned requests of a body: aman and segera everywhere, terlambat where the body is not well run. */
function pinsOf(body: SimBody, clock: BodyClock): { day: number; pin: Pin }[] {
  const wanted: Pin[] = ['aman', 'segera'];
  if (body.profile.archetype !== 'exemplary' && body.profile.archetype !== 'compliant') wanted.push('terlambat');
  return wanted
    .slice(0, Math.max(0, Math.min(wanted.length, body.requests)))
    .map((pin) => ({ pin, day: clock.workingDayBefore(clock.today, PIN_DAYS_BACK[pin]) }))
    .sort((a, b) => a.day - b.day);
}

/**
 * A body's arrivals in order of receipt. A day's arrivals are all drawn before the first of them
 * is yielded, and the caller draws each request from the same random between yields: the order of
 * draws is part of the seed's promise (same seed, same data).
 */
export function* arrivals(random: Random, clock: BodyClock, body: SimBody): Generator<Slot> {
  const pins = pinsOf(body, clock);
  const regular = body.requests - pins.length;
  const firstDay = clock.today - (SIMULATED_DAYS - 1);
  const dayTable = new WeightedTable<number>(Array.from({ length: SIMULATED_DAYS }, (_, i) => [firstDay + i, dayWeight(clock, firstDay + i)] as const));
  const days = new Int32Array(regular);
  for (let i = 0; i < regular; i += 1) days[i] = dayTable.draw(random);
  days.sort();
  let next = 0;
  let pinIndex = 0;
  while (next < days.length || pinIndex < pins.length) {
    const day = Math.min(next < days.length ? days[next] : Infinity, pinIndex < pins.length ? pins[pinIndex].day : Infinity);
    const working = clock.calendar.isWorkingDayNumber(day);
    const slots: Slot[] = [];
    while (next < days.length && days[next] === day) {
      next += 1;
      const channel = (working ? CHANNELS_WORKING_DAY : CHANNELS_DAY_OFF).draw(random);
      let minute = receiptMinute(random, clock, working, channel);
      if (day === clock.today && minute >= clock.nowMinute) minute = Math.floor(random.next() * clock.nowMinute);
      slots.push({ day, minute, second: random.int(0, 59), channel: day === clock.today && minute < clock.opens ? 'online' : channel, pin: null });
    }
    while (pinIndex < pins.length && pins[pinIndex].day === day) {
      slots.push({ day, minute: random.int(clock.opens, clock.closes - 1), second: random.int(0, 59), channel: 'online', pin: pins[pinIndex].pin });
      pinIndex += 1;
    }
    slots.sort((a, b) => a.minute - b.minute || a.second - b.second);
    yield* slots;
  }
}
