/**
 * Due-date micro-benchmarks, one part of `npm run bench`. Each case is named and self-contained;
 * add a case to buildCases to measure something new.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { localDateTimeOf } from 'src/common/time/local-time';
import { defaultServiceHours, WorkingDayCalendar, computeDueDate, effectiveReceiptDate } from 'src/modules/calendar';
import { Random } from 'src/demo/simulation/random';

interface BenchCase {
  name: string;
  calls: number;
  /** Runs `calls` operations and returns a checksum so the work cannot be optimised away. */
  run(calls: number): number;
}

export interface BenchResult {
  name: string;
  calls: number;
  seconds: number;
}

const CALLS = 2_000_000;
const WARMUP_CALLS = 200_000;
const SEED_CSV = join(__dirname, '..', '..', 'src', 'modules', 'calendar', 'id-holidays.csv');

// Used when the seed copy is not there yet: the 2024–2026 SKB lists.
const INLINE_HOLIDAYS: readonly string[] = [
  '2024-01-01', '2024-02-08', '2024-02-09', '2024-02-10', '2024-02-14', '2024-03-11', '2024-03-12',
  '2024-03-29', '2024-03-31', '2024-04-08', '2024-04-09', '2024-04-10', '2024-04-11', '2024-04-12',
  '2024-04-15', '2024-05-01', '2024-05-09', '2024-05-10', '2024-05-23', '2024-05-24', '2024-06-01',
  '2024-06-17', '2024-06-18', '2024-07-07', '2024-08-17', '2024-09-16', '2024-11-27', '2024-12-25',
  '2024-12-26', '2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-03-28', '2025-03-29',
  '2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07', '2025-04-18',
  '2025-04-20', '2025-05-01', '2025-05-12', '2025-05-13', '2025-05-29', '2025-05-30', '2025-06-01',
  '2025-06-06', '2025-06-09', '2025-06-27', '2025-08-17', '2025-08-18', '2025-09-05', '2025-12-25',
  '2025-12-26', '2026-01-01', '2026-01-16', '2026-02-16', '2026-02-17', '2026-03-18', '2026-03-19',
  '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-04-03', '2026-04-05',
  '2026-05-01', '2026-05-14', '2026-05-15', '2026-05-27', '2026-05-28', '2026-05-31', '2026-06-01',
  '2026-06-16', '2026-08-17', '2026-08-25', '2026-12-24', '2026-12-25',
];

function loadHolidays(): { dates: string[]; source: string } {
  if (!existsSync(SEED_CSV)) return { dates: [...INLINE_HOLIDAYS], source: 'inline list' };
  const dates = readFileSync(SEED_CSV, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',')[0].trim())
    .filter((date) => date.length > 0);
  return { dates, source: SEED_CSV };
}

const SAMPLE_SIZE = 4096; // a power of two, indexed with a mask
const SAMPLE_MASK = SAMPLE_SIZE - 1;

function sampleInstants(random: () => number): Date[] {
  const start = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 11, 1) - start; // leave room for the period past the end of 2026
  return Array.from({ length: SAMPLE_SIZE }, () => new Date(start + Math.floor(random() * span)));
}

const WIB = defaultServiceHours('Asia/Jakarta');

function buildCases(cal: WorkingDayCalendar): BenchCase[] {
  const rng = new Random(20250327);
  const random = (): number => rng.next();
  const instants = sampleInstants(random);
  const days = instants.map((instant) => effectiveReceiptDate(cal, instant, WIB));
  const periods = Array.from({ length: SAMPLE_SIZE }, () => (random() < 0.8 ? 10 : 17));
  const wita = defaultServiceHours('Asia/Makassar');
  const amsterdam = defaultServiceHours('Europe/Amsterdam');

  return [
    {
      name: 'computeDueDate (WIB)',
      calls: CALLS,
      run(calls) {
        let checksum = 0;
        for (let i = 0; i < calls; i += 1) {
          const k = i & SAMPLE_MASK;
          checksum += computeDueDate(cal, instants[k], periods[k], WIB).dueDate.length;
        }
        return checksum;
      },
    },
    {
      name: 'computeDueDate (WITA)',
      calls: CALLS,
      run(calls) {
        let checksum = 0;
        for (let i = 0; i < calls; i += 1) {
          const k = i & SAMPLE_MASK;
          checksum += computeDueDate(cal, instants[k], periods[k], wita).dueDate.length;
        }
        return checksum;
      },
    },
    {
      name: 'computeDueDate (Intl zone)',
      calls: CALLS / 20,
      run(calls) {
        let checksum = 0;
        for (let i = 0; i < calls; i += 1) {
          const k = i & SAMPLE_MASK;
          checksum += computeDueDate(cal, instants[k], periods[k], amsterdam).dueDate.length;
        }
        return checksum;
      },
    },
    {
      name: 'addWorkingDays',
      calls: CALLS,
      run(calls) {
        let checksum = 0;
        for (let i = 0; i < calls; i += 1) {
          const k = i & SAMPLE_MASK;
          checksum += cal.addWorkingDays(days[k], periods[k]).length;
        }
        return checksum;
      },
    },
    {
      name: 'localDateTimeOf (WIB)',
      calls: CALLS,
      run(calls) {
        let checksum = 0;
        for (let i = 0; i < calls; i += 1) {
          checksum += localDateTimeOf(instants[i & SAMPLE_MASK], 'Asia/Jakarta').minuteOfDay;
        }
        return checksum;
      },
    },
  ];
}

function measure(bench: BenchCase): BenchResult {
  bench.run(Math.min(WARMUP_CALLS, bench.calls)); // let the JIT settle first
  const started = process.hrtime.bigint();
  const checksum = bench.run(bench.calls);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!Number.isFinite(checksum)) throw new Error(`${bench.name}: bad checksum`);
  return { name: bench.name, calls: bench.calls, seconds };
}

/** Runs every case; `describe` is the calendar and Node line printed above the table. */
export function runDueDateBenchmarks(): { describe: string; results: BenchResult[] } {
  const holidays = loadHolidays();
  const years = [...new Set(holidays.dates.map((date) => Number(date.slice(0, 4))))];
  const cal = WorkingDayCalendar.build({ nonWorkingDays: holidays.dates, confirmedYears: years });
  return {
    describe: `Holidays: ${holidays.dates.length} from ${holidays.source.replace(/^.*\/src\//, 'src/')}; calendar ${cal.firstDate}..${cal.lastDate}; Node ${process.version}`,
    results: buildCases(cal).map(measure),
  };
}
