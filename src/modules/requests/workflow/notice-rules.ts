/** The written notice's choices (Pasal 22(7)) and the Pasal 17 grounds, with their Indonesian labels. */
export const DECISIONS = {
  granted: 'Diberikan seluruhnya',
  partially_granted: 'Diberikan sebagian',
  refused: 'Ditolak',
  not_held: 'Tidak dikuasai',
  not_documented: 'Informasi belum didokumentasikan',
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


/** A refusal withholds everything, a partial grant a part: both rest on a Pasal 17 ground and a consequence test. */
export function withholds(decision: Decision): boolean {
  return decision === 'refused' || decision === 'partially_granted';
}

/**
 * Why a notice's decision and its statement on holding the information (Pasal 22(7)a) contradict
 * each other, in Bahasa Indonesia; null when they agree. Information is given or refused under
 * Pasal 17 only when the body holds it; "not held" says it does not; "not yet documented" may be
 * either.
 */
export function holdingContradiction(decision: Decision, informationHeld: boolean): string | null {
  if (informationHeld) {
    return decision === 'not_held'
      ? 'Keputusan "Tidak dikuasai" berarti informasi tidak berada di bawah penguasaan badan publik; pilih "Tidak dikuasai" atau ubah keputusannya.'
      : null;
  }
  if (decision === 'granted' || decision === 'partially_granted') {
    return 'Informasi yang diberikan harus berada di bawah penguasaan badan publik. Pilih "Ya, dikuasai", atau pilih keputusan "Tidak dikuasai".';
  }
  if (decision === 'refused') {
    return 'Penolakan berdasarkan Pasal 17 hanya untuk informasi yang dikuasai badan publik. Pilih "Ya, dikuasai", atau pilih keputusan "Tidak dikuasai".';
  }
  return null;
}
