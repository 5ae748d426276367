import { RequestDocument } from 'src/modules/requests/request-document.entity';
import { documentRows } from './document-rows';

function doc(id: string, letterNumber: string | null, correctsDocumentId: string | null = null, kind: 'letter' | 'handover' = 'letter'): RequestDocument {
  return { id, requestId: '1', eventId: null, fileId: 'f', kind, title: `Dokumen ${id}`, letterNumber, correctsDocumentId, createdAt: new Date(0) };
}

describe('document rows', () => {
  it('should link a ralat and the letter it corrects both ways and keep both', () => {
    const rows = documentRows([doc('1', '001/PPID-U/3578/2026'), doc('2', null, null, 'handover'), doc('3', '002/PPID-U/3578/2026', '1')]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ correctsLetterNumber: null, correctedBy: ['002/PPID-U/3578/2026'] });
    expect(rows[1]).toMatchObject({ correctsLetterNumber: null, correctedBy: [] });
    expect(rows[2]).toMatchObject({ correctsLetterNumber: '001/PPID-U/3578/2026', correctedBy: [] });
  });
});
