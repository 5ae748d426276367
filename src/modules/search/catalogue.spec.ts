import { addressOf, buildCatalogue, POD_SCHEMA } from './catalogue';
import { excerpt, hitPath, presentApiItem } from './search.presenter';
import { SearchHit } from './search.repository';

const hit = (extra: Partial<SearchHit> = {}): SearchHit => ({
  source: 'dip', id: 7, bodyCode: '35.78', bodyName: 'Pemerintah Kota Surabaya', category: 'berkala', title: 'Laporan', summary: 'Ringkasan.',
  exemptionGround: null, exemptionLaw: null, exemptionUntil: null, year: 2025, rank: 0.5, ...extra,
});

describe('catalogue and search presenter', () => {
  it('should take the address out of a mailbox with a name, or a bare one', () => {
    expect(addressOf('PPID <noreply@localhost>')).toBe('noreply@localhost');
    expect(addressOf(' ppid@surabaya.go.id ')).toBe('ppid@surabaya.go.id');
  });

  it('should link a DIP item under its body and a published answer on /jawaban', () => {
    expect(hitPath(hit())).toBe('/dip/3578/7');
    expect(hitPath(hit({ source: 'jawaban', category: 'jawaban', id: 12 }))).toBe('/jawaban/12');
  });

  it('should give a dikecualikan item its ground as summary, never its own', () => {
    const item = presentApiItem(hit({ category: 'dikecualikan', summary: null, exemptionGround: 'j', exemptionLaw: 'UU 7/2017' }), 'https://ppid.example.org');
    expect(item).toEqual({
      id: 7, bodyCode: '35.78', category: 'dikecualikan', title: 'Laporan', url: 'https://ppid.example.org/dip/3578/7',
      summary: expect.stringMatching(/^Dikecualikan berdasarkan Pasal 17 huruf j UU 14\/2008 \(.+: UU 7\/2017\)\.$/),
    });
  });

  it('should cut a long summary at a word', () => {
    expect(excerpt('kata '.repeat(100), 20)).toBe('kata kata kata kata…');
    expect(excerpt('pendek')).toBe('pendek');
  });

  it('should list a dataset per body and the published answers, each body its own contact or the portal\'s', () => {
    const c = buildCatalogue({
      appUrl: 'https://ppid.example.org',
      province: { code: '35', name: 'Pemerintah Provinsi Jawa Timur', email: null },
      bodies: [
        { code: '35.78', name: 'Pemerintah Kota Surabaya', email: 'ppid@surabaya.go.id', website: null, items: 3, categories: ['berkala'], lastChange: new Date('2025-07-01T03:00:00Z') },
        { code: '35.73', name: 'Pemerintah Kabupaten Malang', email: null, website: null, items: 1, categories: ['setiap_saat'], lastChange: new Date('2025-01-01T03:00:00Z') },
      ],
      fallbackEmail: 'noreply@ppid.example.org',
      answersModified: null,
    });
    expect(c.conformsTo).toBe(POD_SCHEMA);
    expect(c.dataset.map((d) => [d.identifier, d.contactPoint.hasEmail, d.modified])).toEqual([
      ['https://ppid.example.org/dip/3578', 'mailto:ppid@surabaya.go.id', '2025-07-01T03:00:00.000Z'],
      ['https://ppid.example.org/dip/3573', 'mailto:noreply@ppid.example.org', '2025-01-01T03:00:00.000Z'],
      ['https://ppid.example.org/jawaban', 'mailto:noreply@ppid.example.org', 'R/P1D'],
    ]);
    expect(c.dataset[2].distribution.map((d) => d.downloadURL ?? d.accessURL)).toEqual([
      'https://ppid.example.org/api/v1/published-answers',
      'https://ppid.example.org/api/v1/dip?category=jawaban',
    ]);
  });

  it('should date the published answers by the latest one published', () => {
    const c = buildCatalogue({
      appUrl: 'https://ppid.example.org',
      province: { code: '35', name: 'Pemerintah Provinsi Jawa Timur', email: 'ppid@jatimprov.go.id' },
      bodies: [],
      fallbackEmail: 'noreply@ppid.example.org',
      answersModified: new Date('2026-11-30T02:00:00Z'),
    });
    expect(c.dataset.map((d) => [d.identifier, d.modified])).toEqual([['https://ppid.example.org/jawaban', '2026-11-30T02:00:00.000Z']]);
  });
});
