/**
 * Each body's Daftar Informasi Publik at the clock: what a PPID keeps on it, by archetype. Well-run
 * bodies have every category and their berkala items up to date; average ones miss some and let a
 * few berkala items go stale; slow and unresponsive bodies have a nearly empty list, mostly stale.
 */
import { fromDayNumber, localDateTimeOf, toDayNumber } from 'src/common/time/local-time';
import type { SimulatedDipItem } from 'src/modules/dip';
import { SimBody, SimUnit } from './model';
import { Archetype } from './profiles';
import { deriveSeed, Random } from './random';

interface Habit {
  /** Share of the catalogue the body has on its list. */
  kept: number;
  /** Chance a berkala item is past its due date. */
  stale: number;
}

const HABITS: Record<Archetype, Habit> = {
  exemplary: { kept: 1, stale: 0 },
  compliant: { kept: 0.9, stale: 0.05 },
  average: { kept: 0.6, stale: 0.35 },
  refusing: { kept: 0.7, stale: 0.3 },
  slow: { kept: 0.25, stale: 0.7 },
  unresponsive: { kept: 0.1, stale: 1 },
};

type Entry = Omit<SimulatedDipItem, 'unitId' | 'createdAt' | 'lastUpdatedOn' | 'madeWhere' | 'links'> & { link?: string };

function catalogue(body: SimBody, year: number): Entry[] {
  const r = body.region;
  const base = { exemptionGround: null, exemptionLaw: null, exemptionUntil: null };
  const berkala = (title: string, summary: string, official: string, months: number, madeWhen: string, link?: string): Entry => ({
    ...base, category: 'berkala', title, summary, responsibleOfficial: official, madeWhen, form: 'both', retention: '10 tahun', updatePeriodMonths: months, link,
  });
  const setiapSaat = (title: string, summary: string, official: string, retention: string, link?: string, months: number | null = null): Entry => ({
    ...base, category: 'setiap_saat', title, summary, responsibleOfficial: official, madeWhen: 'Diperbarui bila berubah', form: 'electronic', retention, updatePeriodMonths: months, link,
  });
  return [
    berkala('Profil badan publik dan struktur organisasi PPID', `Kedudukan, tugas, fungsi, struktur organisasi dan pejabat ${r}, termasuk susunan PPID Utama dan PPID Pelaksana.`, 'Sekretaris Daerah selaku Atasan PPID', 6, `Januari ${year}`, 'profil'),
    berkala(`Ringkasan Laporan Realisasi Anggaran Semester I ${year}`, `Realisasi pendapatan, belanja dan pembiayaan daerah ${r} sampai dengan 30 Juni ${year}.`, 'Kepala Badan Pengelolaan Keuangan dan Aset Daerah', 6, `Juli ${year}`, 'lra'),
    berkala(`Rencana Kerja Pemerintah Daerah (RKPD) ${r} Tahun ${year + 1}`, 'Prioritas pembangunan, program dan kegiatan beserta pagu indikatifnya untuk tahun anggaran berikutnya.', 'Kepala Badan Perencanaan Pembangunan Daerah', 6, `Mei ${year}`, 'rkpd'),
    berkala(`Laporan Layanan Informasi Publik Tahun ${year - 1}`, 'Jumlah permohonan, waktu pemenuhan, permohonan yang dikabulkan dan ditolak beserta alasannya (Pasal 12 UU 14/2008).', 'Kepala Dinas Komunikasi dan Informatika selaku PPID Utama', 6, `Maret ${year}`, 'laporan-layanan'),
    berkala('Ringkasan daftar dan hasil pengadaan barang/jasa', 'Paket pengadaan yang diumumkan, pemenang dan nilai kontrak setiap triwulan.', 'Kepala Bagian Pengadaan Barang dan Jasa', 3, `Triwulan berjalan ${year}`, 'pengadaan'),
    {
      ...base, category: 'serta_merta', title: 'Peringatan dini bencana dan jalur evakuasi',
      summary: `Peta rawan bencana, jalur dan titik kumpul evakuasi di ${r}, serta cara menerima peringatan dini.`,
      responsibleOfficial: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah', madeWhen: 'Setiap ada peringatan', form: 'electronic', retention: 'Selama berlaku', updatePeriodMonths: null, link: 'bencana',
    },
    setiapSaat('Peraturan daerah dan peraturan kepala daerah', 'Produk hukum daerah yang berlaku beserta naskah akademik dan risalah pembahasannya.', 'Kepala Bagian Hukum Sekretariat Daerah', 'Permanen', 'jdih'),
    setiapSaat('Standar operasional prosedur layanan informasi publik', 'Tata cara permohonan informasi, keberatan dan penyelesaian sengketa, maklumat pelayanan dan biaya salinan.', 'Sekretaris PPID', 'Selama berlaku', 'sop', 12),
    setiapSaat('Perjanjian kerja sama dengan pihak ketiga', 'Daftar dan naskah perjanjian kerja sama daerah dengan pemerintah daerah lain dan pihak ketiga.', 'Kepala Bagian Kerja Sama', '10 tahun'),
    {
      ...base, category: 'dikecualikan', title: 'Data pribadi aparatur sipil negara dalam berkas kepegawaian',
      summary: 'Riwayat kesehatan, keluarga, penilaian kinerja dan keuangan pribadi pegawai.', responsibleOfficial: 'Kepala Badan Kepegawaian Daerah',
      madeWhen: 'Sepanjang masa kerja', form: 'printed', retention: 'Sampai pegawai pensiun ditambah 25 tahun', updatePeriodMonths: null, exemptionGround: 'h',
    },
    {
      ...base, category: 'dikecualikan', title: 'Laporan hasil pemeriksaan investigatif yang masih ditindaklanjuti aparat penegak hukum',
      summary: 'Kertas kerja dan laporan pemeriksaan Inspektorat yang diserahkan kepada aparat penegak hukum.', responsibleOfficial: 'Inspektur Daerah',
      madeWhen: `${year}`, form: 'printed', retention: '10 tahun', updatePeriodMonths: null, exemptionGround: 'a', exemptionUntil: `${year + 2}-12-31`,
    },
  ];
}

/** Each PPID Pelaksana's own items: its strategic plan and report (berkala) and its sector data (any time). */
function unitEntries(unit: SimUnit, year: number): Entry[] {
  const base = { exemptionGround: null, exemptionLaw: null, exemptionUntil: null };
  const head = `Kepala ${unit.name.replace(/^PPID Pelaksana /, '')}`;
  return [
    { ...base, category: 'berkala', title: `Rencana strategis dan laporan kinerja ${unit.name.replace(/^PPID Pelaksana /, '')}`, summary: 'Renstra lima tahunan, rencana kerja tahunan dan laporan kinerja instansi pemerintah (LKjIP).', responsibleOfficial: head, madeWhen: `Februari ${year}`, form: 'both', retention: '10 tahun', updatePeriodMonths: 6, link: `renstra-${unit.code.toLowerCase()}` },
    { ...base, category: 'setiap_saat', title: `Data sektoral ${unit.name.replace(/^PPID Pelaksana /, '')}`, summary: 'Data statistik sektoral yang dihimpun perangkat daerah dalam portal Satu Data.', responsibleOfficial: head, madeWhen: 'Diperbarui setiap tahun', form: 'electronic', retention: '10 tahun', updatePeriodMonths: null, link: `data-${unit.code.toLowerCase()}` },
  ];
}

/** The DIP of every body at `now`: items of its PPID Utama and PPID Pelaksana, berkala ones fresh or stale by habit. */
export function planDip(seed: number, now: Date, bodies: readonly SimBody[]): SimulatedDipItem[] {
  const out: SimulatedDipItem[] = [];
  for (const body of bodies) {
    const random = new Random(deriveSeed(seed, 'dip', body.regionCode));
    const habit = HABITS[body.profile.archetype];
    const today = toDayNumber(localDateTimeOf(now, body.hours.timeZone).date);
    const year = Number(fromDayNumber(today).slice(0, 4));
    const plain = body.regionCode.replace(/\./g, '');
    const entries: { unit: SimUnit; entry: Entry }[] = [
      ...catalogue(body, year).map((entry) => ({ unit: body.utama, entry })),
      ...body.pelaksana.flatMap((unit) => unitEntries(unit, year).map((entry) => ({ unit, entry }))),
    ];
    // A nearly empty list still has something: its first berkala item.
    const kept = entries.filter((_, i) => i === 0 || random.chance(habit.kept));
    for (const { unit, entry } of kept) {
      const { link, ...fields } = entry;
      let lastUpdatedOn: string | null = null;
      if (fields.updatePeriodMonths !== null) {
        const periodDays = Math.round(fields.updatePeriodMonths * 30.4);
        const age = random.chance(habit.stale) ? periodDays + random.int(10, 120) : random.int(5, Math.max(6, periodDays - 15));
        lastUpdatedOn = fromDayNumber(today - age);
      }
      const createdDay = today - random.int(lastUpdatedOn ? today - toDayNumber(lastUpdatedOn) : 30, 720);
      out.push({
        ...fields,
        unitId: unit.id,
        madeWhere: `${unit.name.replace(/^PPID (Utama|Pelaksana) /, '')}, ${body.place}`,
        lastUpdatedOn,
        links: link ? [`https://ppid.${plain}.example.org/dip/${link}`] : [],
        createdAt: new Date(Date.UTC(1970, 0, 1) + createdDay * 86_400_000 + 3 * 3_600_000),
      });
    }
  }
  return out;
}
