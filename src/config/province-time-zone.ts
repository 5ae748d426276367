/** Time zone of a province by its Kepmendagri code (WITA and WIT provinces; the rest is WIB). */
export function provinceTimeZone(provinceCode: string): string {
  const n = Number(provinceCode);
  if (n >= 81) return 'Asia/Jayapura';
  if (n === 51 || n === 52 || n === 53 || (n >= 63 && n <= 65) || (n >= 71 && n <= 76)) return 'Asia/Makassar';
  return 'Asia/Jakarta';
}
