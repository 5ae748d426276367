import { ValidationFailed } from 'src/common/errors/domain-error';
import { maySeePersonalData } from './register-access';
import { registerPageParams, registerQueryOf } from './register-query';

const names = { from: 'dari', to: 'sampai' };

describe('registerQueryOf', () => {
  it('should default the period to the calendar year of today, as local days of the province', () => {
    const q = registerQueryOf({}, '2026-12-01', 'Asia/Jakarta', names);
    expect(q).toMatchObject({ from: '2026-01-01', to: '2026-12-31', page: 1 });
    expect(q.since.toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(q.until.toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });

  it('should end an open period at the end of its first year, and keep the filters', () => {
    const q = registerQueryOf({ from: '2025-03-01', unitId: 4, bodyId: 2, status: 'closed', q: '  budi ', page: 3 }, '2026-12-01', 'Asia/Makassar', names);
    expect(q).toMatchObject({ from: '2025-03-01', to: '2025-12-31', unitId: 4, bodyId: 2, status: 'closed', search: 'budi', page: 3 });
    expect(q.since.toISOString()).toBe('2025-02-28T16:00:00.000Z');
  });

  it('should refuse a period that ends before it starts, naming the field as the edge calls it', () => {
    let error: unknown;
    try {
      registerQueryOf({ from: '2026-10-31', to: '2026-10-01' }, '2026-12-01', 'Asia/Jakarta', names);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).errors).toEqual({ sampai: 'Tanggal akhir tidak boleh sebelum tanggal awal.' });
  });

  it('should give back the filters as the page URL parameters', () => {
    const q = registerQueryOf({ bodyId: 2, from: '2026-10-01', to: '2026-10-31', q: 'x' }, '2026-12-01', 'Asia/Jakarta', names);
    expect(registerPageParams(q).toString()).toBe('badan=2&dari=2026-10-01&sampai=2026-10-31&q=x');
  });
});

describe('maySeePersonalData', () => {
  const request = { bodyId: 1, unitId: 5, receivingUnitId: 2 };
  it.each([
    ['an officer of the unit now handling it', { role: 'officer', bodyId: 1 }, [5], true],
    ['an officer of the unit that received it', { role: 'officer', bodyId: 1 }, [2], true],
    ['an officer of another unit', { role: 'officer', bodyId: 1 }, [9], false],
    ['the atasan PPID of the body', { role: 'supervisor', bodyId: 1 }, [2, 5, 9], true],
    ['the atasan PPID of another body', { role: 'supervisor', bodyId: 3 }, [], false],
    ['the provincial bureau', { role: 'bureau', bodyId: null }, 'all', false],
    ['an admin', { role: 'admin', bodyId: null }, 'all', false],
  ] as const)('should answer for %s', (_who, actor, visible, expected) => {
    expect(maySeePersonalData(actor, visible as number[] | 'all', request)).toBe(expected);
  });
});
