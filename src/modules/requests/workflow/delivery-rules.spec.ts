import { closeBlocker, deliveryProblems } from './delivery-rules';

describe('delivery rules', () => {
  it.each([
    ['granted', null, true],
    ['partially_granted', null, true],
    ['granted', '2026-11-20', false],
    ['partially_granted', '2026-11-20', false],
    ['refused', null, false],
    ['not_held', null, false],
    [null, null, false],
  ])('should block closing a %s request delivered on %s: %s', (decision, deliveredOn, blocked) => {
    expect(closeBlocker({ decision, deliveredOn }) !== null).toBe(blocked);
  });

  it('should accept a delivery dated between the notice and today with a note or a file', () => {
    const bounds = { noticeOn: '2026-11-18', today: '2026-11-20' };
    expect(deliveryProblems({ deliveredOn: '2026-11-18', note: 'Diterima sendiri, tanda terima ditandatangani.', hasProofFile: false }, bounds)).toEqual({});
    expect(deliveryProblems({ deliveredOn: '2026-11-20', note: null, hasProofFile: true }, bounds)).toEqual({});
  });

  it('should refuse a date in the future or before the notice, and a delivery without any proof', () => {
    const bounds = { noticeOn: '2026-11-18', today: '2026-11-20' };
    expect(deliveryProblems({ deliveredOn: '2026-11-21', note: 'x', hasProofFile: false }, bounds)).toEqual({ deliveredOn: 'Tanggal penyampaian tidak boleh di masa depan.' });
    expect(deliveryProblems({ deliveredOn: '2026-11-17', note: 'x', hasProofFile: false }, bounds).deliveredOn).toContain('sebelum tanggal pemberitahuan');
    expect(deliveryProblems({ deliveredOn: '2026-11-19', note: null, hasProofFile: false }, bounds).note).toContain('bukti');
  });
});
