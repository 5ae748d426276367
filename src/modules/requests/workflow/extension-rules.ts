import { formatIndonesianDate, LocalDate } from 'src/common/time/local-time';

/**
 * Pasal 22(8): one extension, decided and sent before the current due date passes. `today` is the
 * local date of the unit; the due date ends at 23:59:59 local, so an extension on the due date
 * itself is still in time and one on the day after is not. Returns why the extension is refused,
 * in Bahasa Indonesia, or null when it may be granted.
 */
export function extensionRefusal(request: { dueDate: LocalDate; extendedDays: number | null }, today: LocalDate): string | null {
  if (request.extendedDays) return 'Permohonan ini sudah pernah diperpanjang. Perpanjangan hanya boleh satu kali (Pasal 22 ayat (8)).';
  if (today > request.dueDate) {
    return (
      `Batas waktu pemberitahuan tertulis sudah lewat (${formatIndonesianDate(request.dueDate, { weekday: true })}). ` +
      'Perpanjangan harus diputuskan dan disampaikan sebelum batas waktu itu berakhir (Pasal 22 ayat (8) UU 14/2008); ' +
      'sampaikan pemberitahuan tertulis sekarang.'
    );
  }
  return null;
}
