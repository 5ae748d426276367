import { ValidationFailed } from 'src/common/errors/domain-error';
import { auditQueryParams, parseAuditQuery } from './audit-query';

describe('parseAuditQuery', () => {
  it('should read action, actor by e-mail or id, a local date range and the cursor', () => {
    const q = parseAuditQuery({ aksi: 'user.created', aktor: ' Admin@Uji.go.id ', dari: '2026-01-01', sampai: '2026-01-31', setelah: '120' }, 'Asia/Jakarta');
    expect(q).toMatchObject({ action: 'user.created', actor: { email: 'admin@uji.go.id' }, from: '2026-01-01', to: '2026-01-31', before: '120' });
    // Days of WIB (UTC+7): from midnight of the first day to midnight after the last.
    expect(q.since?.toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(q.until?.toISOString()).toBe('2026-01-31T17:00:00.000Z');
    expect(parseAuditQuery({ aktor: '42' }, 'Asia/Jakarta').actor).toEqual({ userId: 42 });
  });

  it('should treat empty parameters as no filter', () => {
    expect(parseAuditQuery({ aksi: '', aktor: ' ', dari: '', sampai: '' }, 'Asia/Jakarta')).toEqual({});
  });

  it('should name every bad field', () => {
    let error: unknown;
    try {
      parseAuditQuery({ aksi: 'drop.table', aktor: 'bukan orang', dari: '2026-02-30', sampai: 'kemarin', setelah: '-1' }, 'Asia/Jakarta');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(Object.keys((error as ValidationFailed).errors ?? {}).sort()).toEqual(['aksi', 'aktor', 'dari', 'sampai', 'setelah']);
  });

  it('should refuse a range that ends before it starts', () => {
    expect(() => parseAuditQuery({ dari: '2026-02-01', sampai: '2026-01-31' }, 'Asia/Jakarta')).toThrow('Tanggal akhir tidak boleh sebelum tanggal awal.');
  });

  it('should give back the filters as URL parameters without the cursor', () => {
    const q = parseAuditQuery({ aksi: 'unit.created', aktor: '7', dari: '2026-01-01', setelah: '99' }, 'Asia/Jakarta');
    expect(auditQueryParams(q).toString()).toBe('aksi=unit.created&aktor=7&dari=2026-01-01');
  });
});
