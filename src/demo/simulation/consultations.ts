/**
 * Consultations of the demo data (ruang konsultasi daring): a few questions per body in the weeks
 * before the clock, answered in time, late or not yet by how the body behaves; some askers consent
 * to publication and some answers are published as FAQ entries.
 */
import { localDateTimeOf, toDayNumber } from 'src/common/time/local-time';
import { consultationDueDate, type SimulatedConsultation } from 'src/modules/consultations';
import { TRACKING_ALPHABET } from 'src/modules/requests';
import { BodyClock } from './body-clock';
import { SimBody, SimUnit } from './model';
import { personName } from './people';
import { Archetype } from './profiles';
import { deriveSeed, Random } from './random';

/** Of the bodies of an archetype: how many questions, the share answered, and of those the share in time. */
const DESK: Record<Archetype, { min: number; max: number; answered: number; onTime: number }> = {
  exemplary: { min: 4, max: 7, answered: 0.95, onTime: 0.95 },
  compliant: { min: 3, max: 6, answered: 0.9, onTime: 0.85 },
  average: { min: 2, max: 5, answered: 0.75, onTime: 0.6 },
  slow: { min: 2, max: 5, answered: 0.55, onTime: 0.3 },
  refusing: { min: 1, max: 4, answered: 0.7, onTime: 0.6 },
  unresponsive: { min: 2, max: 4, answered: 0.25, onTime: 0.2 },
};

interface Exchange {
  question: (place: string) => string;
  answer: (unit: string, place: string) => string;
}

const EXCHANGES: readonly Exchange[] = [
  {
    question: (p) => `Ke mana saya harus meminta data jumlah guru honorer per kecamatan di ${p}?`,
    answer: () => 'Data guru honorer dikuasai Dinas Pendidikan. Silakan ajukan permohonan informasi kepada PPID Pelaksana Dinas Pendidikan melalui portal ini; sebutkan tahun dan kecamatan yang Anda perlukan.',
  },
  {
    question: (p) => `Apakah laporan realisasi APBD ${p} tahun lalu sudah dapat diunduh?`,
    answer: () => 'Laporan realisasi APBD termasuk informasi berkala dan diumumkan di laman resmi pemerintah daerah, menu Transparansi Anggaran. Bila belum tersedia, ajukan permohonan kepada PPID Utama.',
  },
  {
    question: () => 'Bagaimana cara meminta salinan izin mendirikan bangunan milik tetangga saya?',
    answer: () => 'Izin bangunan atas nama orang lain dapat memuat data pribadi pemiliknya. Ajukan permohonan kepada PPID Pelaksana DPMPTSP dengan menyebutkan alamat bangunan; petugas akan menguji apakah sebagian isinya perlu dihitamkan.',
  },
  {
    question: (p) => `Di mana saya bisa melihat jadwal pengangkutan sampah di wilayah ${p}?`,
    answer: () => 'Jadwal pengangkutan sampah diumumkan Dinas Lingkungan Hidup di laman resminya dan di kantor kelurahan. Informasi ini tersedia setiap saat tanpa perlu mengajukan permohonan.',
  },
  {
    question: () => 'Berapa lama badan publik wajib menjawab permohonan informasi, dan apakah ada biayanya?',
    answer: () => 'Pemberitahuan tertulis wajib disampaikan paling lambat 10 hari kerja sejak permohonan diterima dan dapat diperpanjang paling lama 7 hari kerja. Informasi diberikan tanpa biaya; hanya biaya penggandaan atau pengiriman yang dapat dikenakan.',
  },
  {
    question: (p) => `Apakah daftar penerima bantuan sosial di ${p} boleh diminta masyarakat?`,
    answer: () => 'Rekapitulasi jumlah penerima per kelurahan dapat diberikan. Daftar nama beserta NIK termasuk data pribadi yang dikecualikan (Pasal 17 huruf h UU 14/2008). Ajukan permohonan kepada PPID Pelaksana Dinas Sosial.',
  },
  {
    question: () => 'Saya ingin meminta dokumen analisis dampak lingkungan sebuah pabrik. Ke PPID mana?',
    answer: () => 'Dokumen AMDAL disimpan Dinas Lingkungan Hidup. Ajukan permohonan kepada PPID Pelaksana dinas tersebut dengan menyebutkan nama kegiatan dan lokasinya.',
  },
  {
    question: (p) => `Apakah rencana pembangunan jalan di ${p} tahun depan sudah diumumkan?`,
    answer: () => 'Rencana kerja pembangunan jalan tercantum dalam Rencana Kerja Pemerintah Daerah yang disusun Bappeda dan diumumkan setelah ditetapkan. Rinciannya per ruas dapat diminta kepada PPID Pelaksana Dinas PU.',
  },
  {
    question: () => 'Bagaimana jika permohonan saya tidak dijawab sampai batas waktu?',
    answer: () => 'Anda dapat mengajukan keberatan kepada Atasan PPID dalam 30 hari kerja setelah batas waktu lewat (Pasal 35 ayat (1) huruf c). Formulirnya tersedia di halaman lacak permohonan.',
  },
  {
    question: (p) => `Apakah data angka stunting per puskesmas di ${p} tersedia untuk penelitian?`,
    answer: () => 'Data agregat per puskesmas dikuasai Dinas Kesehatan dan dapat diberikan untuk penelitian. Ajukan permohonan dengan menyebutkan periode data dan tujuan penggunaannya.',
  },
];

const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .join('.');
}

/** A tracking code from the seeded stream, so the same seed gives the same codes. */
function trackingCode(random: Random): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += random.pick([...TRACKING_ALPHABET]);
  return code;
}

function answerer(unit: SimUnit, random: Random): { userId: number | null; name: string } {
  const staff = unit.staff.length > 0 ? random.pick(unit.staff) : null;
  return { userId: staff?.userId ?? null, name: staff?.name ?? `Petugas ${unit.name}` };
}

/**
 * Each body's consultations: received on working days within the last `days` days, due after
 * `responseDays` working days on the body's calendar; answered (in time or late) before the clock,
 * or still open, which makes some overdue. Consent about half the time; most consented answers of a
 * well-run body are published.
 */
export function planConsultations(seed: number, now: Date, bodies: readonly SimBody[], responseDays: number, days = 45): SimulatedConsultation[] {
  const out: SimulatedConsultation[] = [];
  for (const body of bodies) {
    const random = new Random(deriveSeed(seed, 'consultations', body.regionCode));
    const desk = DESK[body.profile.archetype];
    const clock = new BodyClock(body.calendar, body.hours, now);
    const count = random.int(desk.min, desk.max);
    const units = [body.utama, ...body.pelaksana];
    const planned: SimulatedConsultation[] = [];
    for (let i = 0; i < count; i++) {
      let day = clock.today - random.int(0, days);
      while (!body.calendar.isWorkingDayNumber(day)) day -= 1;
      const receivedAt = clock.officeTime(random, day, new Date(0));
      if (receivedAt.getTime() > now.getTime()) continue;
      const unit = random.chance(0.7) ? body.utama : random.pick(units);
      const due = consultationDueDate(body.calendar, receivedAt, body.hours, responseDays);
      const person = personName(random);
      const exchange = random.pick(EXCHANGES);
      const faqConsent = random.chance(0.55);
      let answer: SimulatedConsultation['answer'] = null;
      if (random.chance(desk.answered)) {
        const dueDay = toDayNumber(due.dueDate);
        const day0 = toDayNumber(due.effectiveReceiptDate);
        const answerDay = random.chance(desk.onTime) ? clock.addWorkingDays(day0, random.int(0, responseDays)) : clock.addWorkingDays(dueDay, random.int(1, 6));
        const at = clock.officeTime(random, answerDay, receivedAt);
        if (at.getTime() <= now.getTime()) answer = { text: exchange.answer(unit.name, body.place), at, ...answerer(unit, random) };
      }
      const publish = answer !== null && faqConsent && random.chance(desk.answered);
      planned.push({
        bodyId: body.id,
        regionCode: body.regionCode,
        unitId: unit.id,
        year: Number(localDateTimeOf(receivedAt, body.hours.timeZone).date.slice(0, 4)),
        askerName: person.name,
        askerEmail: `${slug(person.name)}${random.int(1, 99)}@${random.pick(EMAIL_DOMAINS)}`,
        question: exchange.question(body.place),
        faqConsent,
        trackingCode: trackingCode(random),
        receivedAt,
        effectiveReceiptDate: due.effectiveReceiptDate,
        dueDate: due.dueDate,
        dueProvisional: due.provisional,
        answer,
        faq: publish && answer ? { question: exchange.question(body.place), at: new Date(Math.min(now.getTime(), answer.at.getTime() + random.int(10, 600) * 60_000)) } : null,
      });
    }
    // Numbered in the order they came in.
    out.push(...planned.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime()));
  }
  return out;
}
