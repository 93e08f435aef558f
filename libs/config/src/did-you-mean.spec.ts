import { closestMatch, levenshtein } from './did-you-mean';

describe('did you mean', () => {
  it('counts single edits', () => {
    expect(levenshtein('levels', 'level')).toBe(1);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
  });

  it('suggests the closest known key for a typo', () => {
    const keys = ['levels', 'stakeholders', 'thresholds'];
    expect(closestMatch('stakehodlers', keys)).toBe('stakeholders');
    expect(closestMatch('LEVEL', keys)).toBe('levels');
  });

  it('suggests nothing for an unrelated word', () => {
    expect(closestMatch('banana', ['levels', 'stakeholders'])).toBeUndefined();
  });
});
