import { queueStateLinks } from './queue-links';

const NO_FILTER = { status: '', state: '', channel: '', assignee: '', q: '' };

describe('queueStateLinks', () => {
  it('should link each state and "semua" to the plain queue when no filter is set', () => {
    const links = queueStateLinks(NO_FILTER);
    expect(links.terlambat).toEqual({ state: 'terlambat', href: '/petugas?state=terlambat', current: false });
    expect(links.semua).toEqual({ state: '', href: '/petugas', current: true });
  });

  it('should keep the search and other filters and drop the state when a filter is set', () => {
    const links = queueStateLinks({ ...NO_FILTER, q: 'Siti Rahma', channel: 'letter', state: 'aman' });
    expect(links.semua.href).toBe('/petugas?q=Siti+Rahma&channel=letter');
    expect(links.segera.href).toBe('/petugas?q=Siti+Rahma&channel=letter&state=segera');
    expect(links.aman.current).toBe(true);
    expect(links.semua.current).toBe(false);
  });
});
