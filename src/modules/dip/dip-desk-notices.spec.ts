import { dipDeskNotices } from './dip-desk-notices';

describe('dipDeskNotices', () => {
  it('should count stale items as danger and items due soon as a warning, both linking to the DIP desk', () => {
    const notices = dipDeskNotices(['terlambat', 'aman', 'segera', 'terlambat']);
    expect(notices.map((n) => [n.tone, n.text, n.href])).toEqual([
      ['danger', '2 item DIP berkala melewati jadwal pembaruannya (Pasal 9: paling sedikit 6 bulan sekali).', '/petugas/dip'],
      ['warning', '1 item DIP berkala jatuh tempo dalam 10 hari kerja.', '/petugas/dip'],
    ]);
  });

  it('should say nothing when every item is up to date', () => {
    expect(dipDeskNotices(['aman', 'aman'])).toEqual([]);
    expect(dipDeskNotices([])).toEqual([]);
  });
});
