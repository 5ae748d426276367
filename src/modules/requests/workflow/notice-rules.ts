/** The written notice's choices (Pasal 22(7)) and the Pasal 17 grounds, with their Indonesian labels. */
export const DECISIONS = {
  granted: 'Diberikan seluruhnya',
  partially_granted: 'Diberikan sebagian',
  refused: 'Ditolak',
  not_held: 'Tidak dikuasai',
  not_documented: 'Belum didokumentasikan',
} as const;
export type Decision = keyof typeof DECISIONS;

/** Pasal 17 grounds a–j, short labels for letters and registers. */
export const EXEMPTION_GROUNDS = {
  a: 'menghambat proses penegakan hukum',
  b: 'mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan perlindungan dari persaingan usaha tidak sehat',
  c: 'membahayakan pertahanan dan keamanan negara',
  d: 'mengungkapkan kekayaan alam Indonesia',
  e: 'merugikan ketahanan ekonomi nasional',
  f: 'merugikan kepentingan hubungan luar negeri',
  g: 'mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir ataupun wasiat seseorang',
  h: 'mengungkap rahasia pribadi',
  i: 'memorandum atau surat-surat antar atau intra badan publik yang menurut sifatnya dirahasiakan',
  j: 'informasi yang tidak boleh diungkapkan berdasarkan undang-undang',
} as const;
export type ExemptionGround = keyof typeof EXEMPTION_GROUNDS;

/** Grounds a–f are not permanent (Pasal 20): the exemption needs an end or review date. */
export const TEMPORARY_GROUNDS = new Set<ExemptionGround>(['a', 'b', 'c', 'd', 'e', 'f']);

export const FORMATS = { softcopy: 'Softcopy (salinan elektronik)', hardcopy: 'Hardcopy (salinan cetak)' } as const;
export type InformationFormat = keyof typeof FORMATS;

