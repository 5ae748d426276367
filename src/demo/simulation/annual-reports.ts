/**
 * When each body publishes its Laporan layanan informasi publik of the year before the clock's
 * (due by 31 March, Perki 1/2021): most on time, some late, some not at all, by archetype.
 */
import { dayNumberFromParts, localDateTimeOf } from 'src/common/time/local-time';
import type { Narrative } from 'src/modules/annual-reports';
import { BodyClock } from './body-clock';
import { SimBody } from './model';
import { Archetype } from './profiles';
import { deriveSeed, Random } from './random';

/** Of the bodies of an archetype: the share publishing by 31 March, and after it (the rest never). */
const PUBLISHING: Record<Archetype, { onTime: number; late: number }> = {
  exemplary: { onTime: 1, late: 0 },
  compliant: { onTime: 0.9, late: 0.1 },
  average: { onTime: 0.7, late: 0.2 },
  slow: { onTime: 0.3, late: 0.45 },
  refusing: { onTime: 0.6, late: 0.25 },
  unresponsive: { onTime: 0.1, late: 0.3 },
};

export interface PlannedReport {
  bodyId: number;
  year: number;
  publishedAt: Date;
  onTime: boolean;
  narrative: Narrative;
}

function narrativeOf(body: SimBody, year: number): Narrative {
  return {
    policy: `Layanan informasi publik ${body.region} tahun ${year} berpedoman pada UU 14/2008 dan Perki 1/2021; PPID Utama mengoordinasikan PPID Pelaksana di setiap perangkat daerah.`,
    resources: 'Satu meja layanan di kantor PPID Utama, petugas di setiap PPID Pelaksana, dan layanan permohonan daring melalui portal.',
    obstacles: 'Sebagian perangkat daerah belum mendokumentasikan informasinya sehingga jawaban memerlukan perpanjangan waktu.',
    recommendations: 'Memutakhirkan Daftar Informasi Publik, melatih petugas PPID Pelaksana, dan memantau batas waktu jawaban setiap minggu.',
  };
}

/** One report per body (the year before the clock's), if and when it was published by the clock. */
export function planAnnualReports(seed: number, now: Date, bodies: readonly SimBody[]): PlannedReport[] {
  const out: PlannedReport[] = [];
  for (const body of bodies) {
    const random = new Random(deriveSeed(seed, 'annual-report', body.regionCode));
    const clock = new BodyClock(body.calendar, body.hours, now);
    const year = Number(localDateTimeOf(now, body.hours.timeZone).date.slice(0, 4)) - 1;
    const habit = PUBLISHING[body.profile.archetype];
    const roll = random.next();
    if (roll >= habit.onTime + habit.late) continue;
    const onTime = roll < habit.onTime;
    // On time: a working day from mid-February to 31 March; late: April to June.
    const from = onTime ? dayNumberFromParts(year + 1, 2, 15) : dayNumberFromParts(year + 1, 4, 1);
    const to = onTime ? dayNumberFromParts(year + 1, 3, 31) : dayNumberFromParts(year + 1, 6, 30);
    let day = random.int(from, to);
    while (!body.calendar.isWorkingDayNumber(day) && day > from) day -= 1;
    if (!body.calendar.isWorkingDayNumber(day)) day = clock.addWorkingDays(day, 1);
    const publishedAt = clock.at(day, clock.opens + random.int(60, 360));
    if (publishedAt.getTime() > now.getTime()) continue;
    out.push({ bodyId: body.id, year, publishedAt, onTime: onTime && day <= to, narrative: narrativeOf(body, year) });
  }
  return out;
}
