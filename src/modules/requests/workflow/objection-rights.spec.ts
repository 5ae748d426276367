import fc from 'fast-check';
import { DECISIONS, Decision } from './notice-rules';
import { LetterKind, objectionGroundsFor, OBJECTION_GROUND_TEXTS } from './objection-rights';

const ON_TIME_FREE = { fee: 0, late: false };

describe('objectionGroundsFor', () => {
  it.each<[LetterKind, string[]]>([
    ['extension', ['c', 'g']],
    ['granted', ['d', 'e']],
    ['partially_granted', ['a', 'd', 'e']],
    ['refused', ['a']],
    ['not_held', ['d', 'e']],
    ['not_documented', ['b', 'e']],
  ])('should name for a %s letter sent on time without a fee the grounds %j', (kind, grounds) => {
    expect(objectionGroundsFor(kind, ON_TIME_FREE)).toEqual(grounds);
  });

  it('should add f (unreasonable fee) when a grant or partial grant charges a fee, and not when it is free', () => {
    expect(objectionGroundsFor('granted', { fee: 15000, late: false })).toEqual(['d', 'e', 'f']);
    expect(objectionGroundsFor('partially_granted', { fee: 2500, late: false })).toEqual(['a', 'd', 'e', 'f']);
    expect(objectionGroundsFor('granted', { fee: null, late: false })).toEqual(['d', 'e']);
  });

  it('should add g (later than the law allows) to every notice sent after the due date', () => {
    for (const decision of Object.keys(DECISIONS) as Decision[]) {
      expect(objectionGroundsFor(decision, { fee: 0, late: true })).toContain('g');
      expect(objectionGroundsFor(decision, ON_TIME_FREE)).not.toContain('g');
    }
  });

  it('should name a refusal under Pasal 17 (a) exactly when something is withheld', () => {
    fc.assert(
      fc.property(fc.constantFrom<LetterKind>('extension', ...(Object.keys(DECISIONS) as Decision[])), fc.option(fc.nat()), fc.boolean(), (kind, fee, late) => {
        const grounds = objectionGroundsFor(kind, { fee, late });
        expect(grounds.includes('a')).toBe(kind === 'refused' || kind === 'partially_granted');
        expect([...grounds].sort()).toEqual(grounds);
        expect(new Set(grounds).size).toBe(grounds.length);
        for (const g of grounds) expect(Object.hasOwn(OBJECTION_GROUND_TEXTS, g)).toBe(true);
      }),
    );
  });
});
