import { ExemptionGround } from 'src/modules/requests';

/** The perangkat daerah that get a PPID Pelaksana in the demo; the code goes into registration numbers. */
export type PelaksanaKind = 'DIKNAS' | 'DINKES' | 'BAPPEDA' | 'DPUPR' | 'DINSOS' | 'DPMPTSP' | 'DLH' | 'BPKAD';

export const PELAKSANA_AGENCIES: Record<PelaksanaKind, string> = {
  DIKNAS: 'Dinas Pendidikan',
  DINKES: 'Dinas Kesehatan',
  BAPPEDA: 'Badan Perencanaan Pembangunan Daerah',
  DPUPR: 'Dinas Pekerjaan Umum dan Penataan Ruang',
  DINSOS: 'Dinas Sosial',
  DPMPTSP: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
  DLH: 'Dinas Lingkungan Hidup',
  BPKAD: 'Badan Pengelolaan Keuangan dan Aset Daerah',
};

/** Most bodies have these; the others are added now and then. */
export const COMMON_PELAKSANA: readonly PelaksanaKind[] = ['DIKNAS', 'DINKES', 'BAPPEDA', 'DPUPR'];
export const OTHER_PELAKSANA: readonly PelaksanaKind[] = ['DINSOS', 'DPMPTSP', 'DLH', 'BPKAD'];

/** What a topic's texts may name. */
export interface TopicContext {
  /** 'Kota Surabaya', 'Provinsi Jawa Timur'. */
  region: string;
  /** 'Surabaya'. */
  place: string;
  province: string;
  fiscalYear: number;
  district: string;
  village: string;
  /** The perangkat daerah that holds the information, e.g. 'Dinas Pendidikan Kota Surabaya'. */
  agency: string;
  person: string;
}

type Text = (c: TopicContext) => string;

export interface Topic {
  key: string;
  /** Which PPID Pelaksana holds it; null: the PPID Utama (secretariat) does; 'any': whichever perangkat daerah is asked. */
  holder: PelaksanaKind | null | 'any';
  information: Text;
  /** Granted: the material given. */
  material?: Text;
  /** Partially granted: what is blacked out and why. */
  redactions?: string;
  /** Refused: the Pasal 17 ground, the law for ground j, the consequence and how long the exemption lasts. */
  ground?: ExemptionGround;
  law?: string;
  consequence?: string;
  exemptionYears?: number;
  /** Not held: the body that holds it. */
  holderBody?: Text;
  reason?: Text;
}

export const GRANTED_TOPICS: readonly Topic[] = [
  {
    key: 'apbd',
    holder: 'BPKAD',
    information: (c) => `Salinan Peraturan Daerah tentang APBD ${c.region} Tahun Anggaran ${c.fiscalYear} beserta lampiran penjabarannya.`,
    material: (c) => `Salinan Perda APBD Tahun Anggaran ${c.fiscalYear} dan peraturan kepala daerah tentang penjabarannya (PDF).`,
  },
  {
    key: 'dpa',
    holder: 'any',
    information: (c) => `Dokumen Pelaksanaan Anggaran (DPA) ${c.agency} Tahun Anggaran ${c.fiscalYear}.`,
    material: (c) => `Salinan DPA ${c.agency} Tahun Anggaran ${c.fiscalYear}.`,
  },
  {
    key: 'rkpd',
    holder: 'BAPPEDA',
    information: (c) => `Dokumen Rencana Kerja Pemerintah Daerah (RKPD) ${c.region} Tahun ${c.fiscalYear + 1}.`,
    material: (c) => `Salinan RKPD ${c.region} Tahun ${c.fiscalYear + 1} beserta lampiran program dan kegiatan.`,
  },
  {
    key: 'rpjmd',
    holder: 'BAPPEDA',
    information: (c) => `Dokumen RPJMD ${c.region} 2025–2029 dan capaian indikator kinerja tahun ${c.fiscalYear - 1}.`,
    material: () => 'Salinan RPJMD dan laporan capaian indikator kinerja utama.',
  },
  {
    key: 'kemiskinan',
    holder: 'DINSOS',
    information: (c) => `Data jumlah penduduk miskin dan penerima bantuan sosial per kecamatan di ${c.region} tahun ${c.fiscalYear}.`,
    material: (c) => `Rekapitulasi jumlah penerima bantuan sosial per kecamatan tahun ${c.fiscalYear} (tanpa data pribadi).`,
  },
  {
    key: 'stunting',
    holder: 'DINKES',
    information: (c) => `Data prevalensi stunting per desa/kelurahan di Kecamatan ${c.district} tahun ${c.fiscalYear}.`,
    material: (c) => `Rekapitulasi hasil pengukuran balita per desa/kelurahan Kecamatan ${c.district}.`,
  },
  {
    key: 'puskesmas',
    holder: 'DINKES',
    information: (c) => `Data jumlah tenaga kesehatan, jadwal layanan, dan anggaran Puskesmas ${c.district} tahun ${c.fiscalYear}.`,
    material: (c) => `Data tenaga kesehatan dan realisasi anggaran Puskesmas ${c.district}.`,
  },
  {
    key: 'bos',
    holder: 'DIKNAS',
    information: (c) => `Laporan realisasi penggunaan dana BOS SD dan SMP negeri di Kecamatan ${c.district} tahun ${c.fiscalYear}.`,
    material: (c) => `Rekapitulasi laporan realisasi dana BOS sekolah negeri di Kecamatan ${c.district}.`,
  },
  {
    key: 'spmb',
    holder: 'DIKNAS',
    information: (c) => `Data daya tampung dan hasil seleksi penerimaan murid baru SMP negeri zona Kecamatan ${c.district} tahun ${c.fiscalYear}.`,
    material: () => 'Rekapitulasi daya tampung dan hasil seleksi per sekolah per jalur.',
  },
  {
    key: 'pbg',
    holder: 'DPMPTSP',
    information: (c) => `Daftar Persetujuan Bangunan Gedung (PBG) yang diterbitkan di Kecamatan ${c.district} tahun ${c.fiscalYear}.`,
    material: () => 'Daftar PBG yang diterbitkan (nomor, tanggal, lokasi, fungsi bangunan).',
  },
  {
    key: 'izin-usaha',
    holder: 'DPMPTSP',
    information: (c) => `Data izin usaha perumahan yang diterbitkan di ${c.region} selama tahun ${c.fiscalYear}.`,
    material: () => 'Daftar izin usaha perumahan beserta pengembang dan lokasinya.',
  },
  {
    key: 'kontrak-jalan',
    holder: 'DPUPR',
    information: (c) => `Salinan kontrak dan Rencana Anggaran Biaya paket pekerjaan rehabilitasi jalan di Kecamatan ${c.district} Tahun Anggaran ${c.fiscalYear}.`,
    material: () => 'Salinan kontrak, addendum, dan RAB paket pekerjaan.',
  },
  {
    key: 'rup',
    holder: 'any',
    information: (c) => `Rencana Umum Pengadaan (RUP) dan daftar pemenang tender ${c.agency} tahun ${c.fiscalYear}.`,
    material: () => 'Salinan RUP dan daftar pemenang tender.',
  },
  {
    key: 'kondisi-jalan',
    holder: 'DPUPR',
    information: (c) => `Data kondisi jalan (baik, sedang, rusak) di ${c.region} dan rencana perbaikannya tahun ${c.fiscalYear + 1}.`,
    material: () => 'Data kondisi ruas jalan dan daftar rencana perbaikan.',
  },
  {
    key: 'rdtr',
    holder: 'DPUPR',
    information: (c) => `Peta Rencana Detail Tata Ruang (RDTR) yang mencakup Kecamatan ${c.district}.`,
    material: () => 'Salinan peta RDTR dan peraturan kepala daerah tentang RDTR.',
  },
  {
    key: 'sampah',
    holder: 'DLH',
    information: (c) => `Data volume sampah harian dan anggaran pengelolaan TPA ${c.place} tahun ${c.fiscalYear}.`,
    material: () => 'Data timbulan sampah dan realisasi anggaran pengelolaan TPA.',
  },
  {
    key: 'lkpd',
    holder: 'BPKAD',
    information: (c) => `Laporan Keuangan Pemerintah Daerah ${c.region} Tahun ${c.fiscalYear - 1} (audited) beserta LHP BPK.`,
    material: (c) => `Salinan LKPD Tahun ${c.fiscalYear - 1} dan Laporan Hasil Pemeriksaan BPK.`,
  },
  {
    key: 'aset-tanah',
    holder: 'BPKAD',
    information: (c) => `Daftar barang milik daerah berupa tanah di Kecamatan ${c.district}.`,
    material: () => 'Kartu inventaris barang (KIB A) untuk kecamatan tersebut.',
  },
  {
    key: 'dana-desa',
    holder: null,
    information: (c) => `Laporan realisasi Alokasi Dana Desa dan Dana Desa ${c.village} tahun ${c.fiscalYear}.`,
    material: () => 'Rekapitulasi penyaluran ADD dan Dana Desa beserta laporan realisasinya.',
  },
  {
    key: 'dip',
    holder: null,
    information: (c) => `Daftar Informasi Publik (DIP) dan SOP layanan informasi PPID ${c.region}.`,
    material: () => 'Salinan DIP terbaru dan SOP pelayanan informasi publik.',
  },
];

export const PARTIAL_TOPICS: readonly Topic[] = [
  {
    key: 'blt-dana-desa',
    holder: 'DINSOS',
    information: (c) => `Daftar nama penerima Bantuan Langsung Tunai Dana Desa di ${c.village} tahun ${c.fiscalYear}.`,
    material: () => 'Daftar penerima BLT Dana Desa (nama dan dusun).',
    redactions: 'NIK, nomor KK, dan alamat lengkap penerima dihitamkan karena merupakan data pribadi (Pasal 17 huruf h UU 14/2008).',
  },
  {
    key: 'kontrak-rekening',
    holder: 'DPUPR',
    information: (c) => `Salinan dokumen kontrak paket pembangunan drainase di Kecamatan ${c.district} beserta lampirannya.`,
    material: () => 'Salinan kontrak dan lampiran teknis.',
    redactions: 'Nomor rekening bank, NPWP, dan data pribadi personel penyedia dihitamkan (Pasal 17 huruf h).',
  },
  {
    key: 'beasiswa',
    holder: 'DIKNAS',
    information: (c) => `Daftar penerima beasiswa daerah tahun ${c.fiscalYear} beserta kriteria seleksinya.`,
    material: () => 'Daftar penerima beasiswa (nama, sekolah) dan kriteria seleksi.',
    redactions: 'NIK, nilai rapor, dan kondisi ekonomi keluarga penerima dihitamkan (Pasal 17 huruf h).',
  },
  {
    key: 'amdal',
    holder: 'DLH',
    information: (c) => `Dokumen AMDAL/UKL-UPL dan persetujuan lingkungan kegiatan usaha di Kecamatan ${c.district}.`,
    material: () => 'Salinan dokumen UKL-UPL dan persetujuan lingkungan.',
    redactions: 'Rincian proses produksi dan formula bahan dihitamkan karena rahasia dagang (Pasal 17 huruf b).',
  },
  {
    key: 'hibah',
    holder: 'BPKAD',
    information: (c) => `Daftar penerima hibah dan bantuan sosial dari APBD ${c.region} tahun ${c.fiscalYear} beserta besarannya.`,
    material: () => 'Daftar penerima hibah lembaga beserta nilainya.',
    redactions: 'Nama dan NIK penerima bantuan sosial perorangan dihitamkan (Pasal 17 huruf h).',
  },
];

export const REFUSED_TOPICS: readonly Topic[] = [
  {
    key: 'rekam-medis',
    holder: 'DINKES',
    information: (c) => `Salinan rekam medis pasien atas nama ${c.person} di RSUD ${c.place}.`,
    ground: 'h',
    consequence: 'Membuka rekam medis seseorang kepada pihak lain mengungkap riwayat kesehatan pribadi dan melanggar hak atas privasi pasien.',
    reason: () => 'Rekam medis memuat rahasia pribadi pasien dan hanya dapat diberikan kepada pasien atau kuasanya.',
  },
  {
    key: 'penilaian-pegawai',
    holder: null,
    information: (c) => `Salinan hasil penilaian kinerja dan riwayat hukuman disiplin pegawai atas nama ${c.person}.`,
    ground: 'h',
    consequence: 'Hasil evaluasi dan catatan disiplin pegawai merupakan rahasia pribadi; membukanya merugikan nama baik dan hak pegawai.',
    reason: () => 'Informasi merupakan hasil evaluasi pribadi pegawai yang dikecualikan.',
  },
  {
    key: 'pemeriksaan-hibah',
    holder: null,
    information: (c) => `Berita acara pemeriksaan Inspektorat atas dugaan penyimpangan dana hibah tahun ${c.fiscalYear - 1} yang sedang ditangani aparat penegak hukum.`,
    ground: 'a',
    consequence: 'Membuka berita acara pemeriksaan dapat menghambat penyelidikan yang sedang berjalan dan mengungkap identitas saksi.',
    exemptionYears: 2,
    reason: () => 'Informasi berkaitan dengan proses penegakan hukum yang masih berjalan.',
  },
  {
    key: 'penawaran-tender',
    holder: 'DPUPR',
    information: (c) => `Dokumen penawaran lengkap seluruh peserta tender paket jalan di Kecamatan ${c.district}, termasuk rincian harga satuan.`,
    ground: 'b',
    consequence: 'Rincian harga satuan dan metode kerja peserta tender adalah rahasia dagang; membukanya menimbulkan persaingan usaha tidak sehat.',
    exemptionYears: 1,
    reason: () => 'Dokumen penawaran memuat rahasia dagang peserta tender.',
  },
  {
    key: 'notulen-tapd',
    holder: 'BPKAD',
    information: (c) => `Notulen rapat internal Tim Anggaran Pemerintah Daerah (TAPD) pembahasan rancangan KUA-PPAS ${c.fiscalYear + 1}.`,
    ground: 'i',
    consequence: 'Notulen pembahasan internal yang belum menjadi keputusan dapat disalahpahami dan menghambat proses perumusan kebijakan.',
    reason: () => 'Informasi merupakan memorandum intra badan publik yang menurut sifatnya dirahasiakan.',
  },
  {
    key: 'data-kependudukan',
    holder: null,
    information: (c) => `Data kependudukan lengkap (NIK dan nomor KK) seluruh warga ${c.village}.`,
    ground: 'j',
    law: 'Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas UU Nomor 23 Tahun 2006 tentang Administrasi Kependudukan',
    consequence: 'Data pribadi penduduk dilindungi undang-undang; membukanya membuka peluang penyalahgunaan identitas.',
    reason: () => 'Data kependudukan perorangan tidak boleh diungkapkan berdasarkan undang-undang.',
  },
];

export const NOT_HELD_TOPICS: readonly Topic[] = [
  {
    key: 'inflasi',
    holder: null,
    information: (c) => `Data inflasi bulanan dan pertumbuhan ekonomi ${c.region} tahun ${c.fiscalYear}.`,
    holderBody: (c) => `Badan Pusat Statistik ${c.region}`,
    reason: () => 'Data inflasi dan pertumbuhan ekonomi disusun dan dikuasai oleh BPS.',
  },
  {
    key: 'jalan-nasional',
    holder: 'DPUPR',
    information: (c) => `Data kondisi dan anggaran pemeliharaan ruas jalan nasional yang melintasi ${c.place}.`,
    holderBody: () => 'Balai Besar Pelaksanaan Jalan Nasional Jawa Timur–Bali, Kementerian Pekerjaan Umum',
    reason: () => 'Jalan nasional menjadi kewenangan pemerintah pusat.',
  },
  {
    key: 'sertifikat',
    holder: null,
    information: (c) => `Data sertifikat hak milik atas tanah di ${c.village}.`,
    holderBody: (c) => `Kantor Pertanahan ${c.region}`,
    reason: () => 'Data pendaftaran tanah dikuasai oleh Kantor Pertanahan.',
  },
  {
    key: 'guru-sma',
    holder: 'DIKNAS',
    information: (c) => `Data anggaran dan jumlah guru SMA/SMK negeri di ${c.region} tahun ${c.fiscalYear}.`,
    holderBody: (c) => `Dinas Pendidikan Provinsi ${c.province}`,
    reason: () => 'Pengelolaan SMA/SMK negeri menjadi kewenangan pemerintah provinsi.',
  },
  {
    key: 'putusan',
    holder: null,
    information: (c) => `Salinan putusan perkara perdata sengketa tanah di ${c.village}.`,
    holderBody: (c) => `Pengadilan Negeri ${c.place}`,
    reason: () => 'Putusan pengadilan dikuasai oleh pengadilan yang memutus perkara.',
  },
];

export const NOT_DOCUMENTED_TOPICS: readonly Topic[] = [
  {
    key: 'kajian-pasar',
    holder: 'BAPPEDA',
    information: (c) => `Kajian dampak rencana relokasi pasar tradisional di Kecamatan ${c.district}.`,
    reason: () => 'Kajian masih disusun dan belum didokumentasikan.',
  },
  {
    key: 'rekap-banjir',
    holder: 'DPUPR',
    information: (c) => `Rekapitulasi kerusakan infrastruktur akibat banjir di Kecamatan ${c.district} bulan lalu.`,
    reason: () => 'Pendataan kerusakan masih berlangsung dan rekapitulasinya belum didokumentasikan.',
  },
];

export const CONSEQUENCE_TEST_PARTICIPANTS = (region: string, unitName: string | null): string[] => [
  `Sekretaris Daerah ${region} selaku Atasan PPID`,
  `PPID Utama ${region}`,
  'Kepala Bagian Hukum Sekretariat Daerah',
  ...(unitName ? [unitName] : []),
];
