import fc from 'fast-check';
import { hasWords, suggestionQuery, wordsOf } from './search-terms';

describe('search terms', () => {
  it('should keep letters and digits of any script and drop every tsquery sign', () => {
    expect(wordsOf("Laporan 'keuangan' & (2025) | !anggaran:* <-> Dinas-Kesehatan")).toEqual([
      'laporan', 'keuangan', '2025', 'anggaran', 'dinas', 'kesehatan',
    ]);
    expect(wordsOf('ÉLAN  straße ２０２５')).toEqual(['élan', 'straße', '2025']);
  });

  it('should see no words in a search of signs only', () => {
    expect(hasWords('&|!:*()')).toBe(false);
    expect(hasWords(undefined)).toBe(false);
    expect(hasWords(' anggaran ')).toBe(true);
  });

  it('should look up the meaningful words of a request, the last typed one as a prefix', () => {
    expect(suggestionQuery('Saya mohon salinan laporan realisasi angg')).toBe('laporan | realisasi | angg:*');
  });

  it('should not take the last word as a prefix when the citizen has finished it', () => {
    expect(suggestionQuery('laporan realisasi anggaran ')).toBe('laporan | realisasi | anggaran');
    expect(suggestionQuery('laporan anggaran.')).toBe('laporan | anggaran');
  });

  it('should find nothing to look for in a request of only asking words', () => {
    expect(suggestionQuery('Saya mohon informasi tentang data yang')).toBeNull();
    expect(suggestionQuery('!!! ???')).toBeNull();
  });

  it('should build from any text a query of plain words joined by |, each at most once', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000, unit: 'binary' }), (text) => {
        const q = suggestionQuery(text);
        if (q === null) return;
        const parts = q.split(' | ');
        expect(parts.length).toBeLessThanOrEqual(12);
        for (const p of parts) expect(p).toMatch(/^[\p{L}\p{N}]{1,40}(:\*)?$/u);
        expect(new Set(parts.map((p) => p.replace(/:\*$/, ''))).size).toBe(parts.length);
      }),
    );
  });
});
