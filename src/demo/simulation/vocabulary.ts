/** Word lists for plausible demo requesters, officers and addresses in East Java. */

export const MALE_GIVEN_NAMES: readonly string[] = [
  'Agus', 'Ahmad', 'Andi', 'Arif', 'Bagus', 'Bambang', 'Budi', 'Dedi', 'Dimas', 'Dwi', 'Eko', 'Fajar', 'Fathur', 'Hadi',
  'Hendra', 'Heru', 'Imam', 'Joko', 'Khoirul', 'Lukman', 'Moch.', 'Muhammad', 'Nanang', 'Rizky', 'Rudi', 'Slamet',
  'Sugeng', 'Taufik', 'Teguh', 'Wahyu', 'Yusuf', 'Zainal', 'Abdul', 'Ilham', 'Rofiq', 'Syaiful', 'Hasan', 'Gilang',
];

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Anik', 'Ayu', 'Dewi', 'Dian', 'Endang', 'Fitri', 'Indah', 'Kartika', 'Lestari', 'Lilik', 'Maya', 'Nur', 'Nurul',
  'Putri', 'Rina', 'Retno', 'Rini', 'Siti', 'Sri', 'Tri', 'Umi', 'Wulan', 'Yuli', 'Yuni', 'Anisa', 'Dyah', 'Ratna',
  'Laila', 'Eka', 'Novi', 'Fatimah', 'Khusnul',
];

/** Second names: men's, women's (Javanese -wati, -sari …) and either. */
export const MALE_FAMILY_NAMES: readonly string[] = [
  'Santoso', 'Wijaya', 'Pratama', 'Saputra', 'Hidayat', 'Setiawan', 'Kurniawan', 'Nugroho', 'Susanto', 'Purnomo',
  'Hartono', 'Prasetyo', 'Suryadi', 'Firmansyah', 'Maulana', 'Hakim', 'Utomo', 'Wibowo', 'Hariyanto', 'Ardiansyah',
  'Mubarok', 'Rohman', 'Fauzi', 'Syafii', 'Hamzah', 'Zakaria', 'Permana', 'Rachman', 'Ismail', 'Kusuma',
];

export const FEMALE_FAMILY_NAMES: readonly string[] = [
  'Rahmawati', 'Lestari', 'Wulandari', 'Handayani', 'Rahayu', 'Fitriani', 'Anggraini', 'Setyowati', 'Sulistyowati',
  'Puspitasari', 'Wahyuni', 'Susanti', 'Kusumawati', 'Maharani', 'Kusuma', 'Hidayati', 'Safitri', 'Ningsih',
];

export const ACADEMIC_TITLES: readonly string[] = ['', '', '', '', 'S.Sos.', 'S.H.', 'S.E.', 'S.Kom.', 'S.IP.', 'M.Si.', 'S.AP.'];

export const STREETS: readonly string[] = [
  'Jl. Diponegoro', 'Jl. Ahmad Yani', 'Jl. Gajah Mada', 'Jl. Pahlawan', 'Jl. Merdeka', 'Jl. Kenanga', 'Jl. Melati',
  'Jl. Mawar', 'Jl. Panglima Sudirman', 'Jl. Hayam Wuruk', 'Jl. Brawijaya', 'Jl. Veteran', 'Jl. Kartini',
  'Jl. Imam Bonjol', 'Jl. Pattimura', 'Jl. Trunojoyo', 'Jl. Gatot Subroto', 'Jl. KH. Hasyim Asyari', 'Jl. Wahid Hasyim',
  'Jl. Flamboyan', 'Jl. Cempaka', 'Jl. Anggrek', 'Jl. Teratai', 'Jl. Cendana', 'Jl. Sawo', 'Jl. Nangka', 'Jl. Pemuda',
];

export interface Occupation {
  name: string;
  purposes: readonly string[];
}

export const OCCUPATIONS: readonly (readonly [Occupation, number])[] = [
  [{ name: 'Mahasiswa', purposes: ['Bahan penyusunan skripsi.', 'Bahan penelitian tugas akhir.', 'Tugas mata kuliah kebijakan publik.'] }, 22],
  [{ name: 'Wiraswasta', purposes: ['Bahan pertimbangan rencana usaha.', 'Kepentingan pribadi: mengetahui rencana pemerintah di lingkungan tempat tinggal.'] }, 16],
  [{ name: 'Jurnalis', purposes: ['Bahan pemberitaan.', 'Bahan liputan mendalam tentang pelayanan publik.'] }, 10],
  [{ name: 'Karyawan swasta', purposes: ['Kepentingan pribadi.', 'Mengetahui penggunaan anggaran di daerah tempat tinggal.'] }, 12],
  [{ name: 'Guru', purposes: ['Bahan penyusunan program sekolah.', 'Bahan diskusi komite sekolah.'] }, 7],
  [{ name: 'Petani', purposes: ['Mengetahui program bantuan pertanian bagi kelompok tani.', 'Kepentingan pribadi.'] }, 6],
  [{ name: 'Peneliti', purposes: ['Bahan penelitian kebijakan daerah.', 'Penyusunan kajian akademik.'] }, 6],
  [{ name: 'Aktivis LSM', purposes: ['Pemantauan penggunaan anggaran daerah.', 'Advokasi kebijakan publik.'] }, 8],
  [{ name: 'Ibu rumah tangga', purposes: ['Kepentingan pribadi: mengetahui hak atas layanan pendidikan dan kesehatan.'] }, 5],
  [{ name: 'Perangkat desa', purposes: ['Bahan penyusunan rencana kerja pemerintah desa.', 'Koordinasi program desa.'] }, 4],
  [{ name: 'Pensiunan', purposes: ['Kepentingan pribadi.', 'Pengawasan pelayanan publik sebagai warga.'] }, 4],
];

/** Organisations that request information (badan hukum), with the occupation field they give. */
export const ORGANIZATION_PATTERNS: readonly { name: (place: string) => string; occupation: string; purpose: string }[] = [
  { name: (p) => `Lembaga Bantuan Hukum ${p}`, occupation: 'Lembaga bantuan hukum', purpose: 'Pendampingan hukum masyarakat.' },
  { name: (p) => `Yayasan Transparansi Anggaran ${p}`, occupation: 'Lembaga swadaya masyarakat', purpose: 'Pemantauan dan advokasi anggaran daerah.' },
  { name: (p) => `Perkumpulan Masyarakat Peduli ${p}`, occupation: 'Lembaga swadaya masyarakat', purpose: 'Pengawasan pelayanan publik.' },
  { name: (p) => `PT Media Warta ${p}`, occupation: 'Perusahaan pers', purpose: 'Bahan pemberitaan.' },
  { name: (p) => `CV Karya Mandiri ${p}`, occupation: 'Badan usaha', purpose: 'Bahan penyusunan penawaran pengadaan.' },
  { name: (p) => `Yayasan Pendidikan Nurul Ilmi ${p}`, occupation: 'Yayasan pendidikan', purpose: 'Bahan perencanaan program pendidikan.' },
  { name: (p) => `Koperasi Tani Makmur ${p}`, occupation: 'Koperasi', purpose: 'Perencanaan program koperasi.' },
];

/** Groups of people (kelompok orang), named after where they live. */
export const GROUP_PATTERNS: readonly { name: (village: string) => string; occupation: string; purpose: string }[] = [
  { name: (v) => `Kelompok Tani Sumber Rejeki ${v}`, occupation: 'Petani', purpose: 'Mengetahui program bantuan bagi kelompok tani.' },
  { name: (v) => `Paguyuban Pedagang Pasar ${v}`, occupation: 'Pedagang', purpose: 'Mengetahui rencana revitalisasi pasar.' },
  { name: (v) => `Warga RT 03 RW 02 ${v}`, occupation: 'Warga', purpose: 'Mengetahui rencana pembangunan di lingkungan kami.' },
  { name: (v) => `Karang Taruna ${v}`, occupation: 'Organisasi kepemudaan', purpose: 'Bahan penyusunan program kepemudaan.' },
  { name: (v) => `Komunitas Peduli Sungai ${v}`, occupation: 'Komunitas lingkungan', purpose: 'Pemantauan pencemaran lingkungan.' },
];

export const EMAIL_DOMAINS: readonly string[] = ['example.com', 'example.net', 'example.org'];

export const PHONE_PREFIXES: readonly string[] = ['0812', '0813', '0821', '0822', '0852', '0853', '0856', '0857', '0858', '0877', '0878', '0881', '0895', '0896'];

export const EXTENSION_REASONS: readonly string[] = [
  'Informasi yang diminta tersebar di beberapa bidang dan masih dihimpun oleh PPID Pelaksana.',
  'Dokumen yang diminta berjumlah banyak dan perlu dipindai terlebih dahulu.',
  'Perlu dilakukan uji konsekuensi atas sebagian informasi yang diminta.',
  'Sebagian data berada di arsip inaktif dan masih ditelusuri.',
  'Perlu pemilahan informasi yang dikecualikan sebelum salinan diberikan.',
];

export const FORWARD_NOTES: readonly string[] = [
  'Mohon ditindaklanjuti sesuai kewenangan.',
  'Informasi berada di bawah penguasaan perangkat daerah Saudara; mohon disiapkan dalam lima hari kerja.',
  'Mohon disiapkan salinan dokumen dan disampaikan kepada PPID Utama.',
  '',
];

export const PAYMENT_METHODS: readonly string[] = [
  'Tunai di loket PPID saat pengambilan salinan (biaya penggandaan).',
  'Transfer ke rekening Kas Umum Daerah; bukti setor disampaikan kepada petugas PPID.',
];
