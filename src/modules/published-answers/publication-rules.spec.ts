import { blankNotice } from 'src/modules/requests';
import { REDACTED } from './personal-data';
import { PublicationState, publicationAction, publicTexts, titleOf } from './publication-rules';

const at = new Date('2026-03-02T03:00:00Z');
const later = new Date('2026-04-06T03:00:00Z');
const base: PublicationState = { consent: true, decision: 'granted', answeredAt: at, withdrawn: false, answer: null };

describe('publicationAction', () => {
  it.each<[string, Partial<PublicationState>, string]>([
    ['publish a granted answer with consent', {}, 'publish'],
    ['publish a partial grant with consent', { decision: 'partially_granted' }, 'publish'],
    ['publish nothing without consent', { consent: false }, 'none'],
    ['publish nothing on a refusal', { decision: 'refused' }, 'none'],
    ['publish nothing for a request not held', { decision: 'not_held' }, 'none'],
    ['publish nothing for a withdrawn request', { withdrawn: true }, 'none'],
    ['publish nothing before a notice', { decision: null, answeredAt: null }, 'none'],
    ['leave a published answer of the same decision', { answer: { status: 'published', decidedAt: at } }, 'none'],
    ['update a published answer decided again', { answeredAt: later, decision: 'partially_granted', answer: { status: 'published', decidedAt: at } }, 'update'],
    ['withdraw a published answer refused on reconsideration', { answeredAt: later, decision: 'refused', answer: { status: 'published', decidedAt: at } }, 'withdraw'],
    ['withdraw a published answer of a withdrawn request', { withdrawn: true, answer: { status: 'published', decidedAt: at } }, 'withdraw'],
    ['leave an answer an officer withdrew', { answeredAt: later, answer: { status: 'withdrawn', decidedAt: at } }, 'none'],
  ])('should %s', (_name, change, expected) => {
    expect(publicationAction({ ...base, ...change })).toBe(expected);
  });
});

describe('titleOf', () => {
  it('should take the first sentence, without its full stop', () => {
    expect(titleOf('Dokumen APBD 2025. Beserta lampirannya.')).toBe('Dokumen APBD 2025');
  });

  it('should cut a long text at a word with an ellipsis', () => {
    const title = titleOf(`${'anggaran '.repeat(30)}akhir`, 60);
    expect(title.length).toBeLessThanOrEqual(60);
    expect(title.endsWith('anggaran…')).toBe(true);
  });
});

describe('publicTexts', () => {
  it('should clear the requester from what was asked and from the notice\'s free texts', () => {
    const personal = { name: 'Dyah Ayu Pitaloka', individual: true, nik: '3578015503900001', registrationNo: null, email: 'dyah@contoh.id', phone: '081234567890', address: 'Jl. Pemuda No. 17, Surabaya' };
    const notice = { ...blankNotice('granted'), material: 'Salinan DPA untuk Sdr. Dyah Ayu Pitaloka', reason: 'Dikirim ke dyah@contoh.id', fee: 0 };
    const texts = publicTexts('Saya Dyah Ayu Pitaloka meminta DPA 2025.', notice, personal);
    expect(texts.title).toBe(`Saya ${REDACTED} meminta DPA 2025`);
    expect(JSON.stringify(texts)).not.toMatch(/Dyah|Pitaloka|dyah@contoh\.id/);
    expect(texts.rows).toContainEqual({ label: 'Bahan informasi yang diberikan', value: `Salinan DPA untuk Sdr. ${REDACTED}` });
    expect(texts.rows).toContainEqual({ label: 'Biaya', value: 'Tanpa biaya' });
  });
});
