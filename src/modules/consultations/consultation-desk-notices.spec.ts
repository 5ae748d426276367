import { consultationDeskNotices } from './consultation-desk-notices';

describe('consultationDeskNotices', () => {
  it('should count consultations past their target as danger and those due today as a warning', () => {
    const notices = consultationDeskNotices(['hari_ini', 'terlambat', 'aman', 'terlambat', 'terlambat']);
    expect(notices.map((n) => [n.tone, n.text, n.href])).toEqual([
      ['danger', '3 konsultasi daring melewati target jawaban.', '/petugas/konsultasi'],
      ['warning', '1 konsultasi daring harus dijawab hari ini.', '/petugas/konsultasi'],
    ]);
  });

  it('should say nothing when none is due', () => {
    expect(consultationDeskNotices(['aman'])).toEqual([]);
  });
});
