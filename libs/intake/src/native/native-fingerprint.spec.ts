import { nativeFingerprint } from './native-fingerprint';

const identity = { type: 'deploy', source: 'ci', component: 'api' };

describe('nativeFingerprint', () => {
  it('is 32 hex digits, the same for the same identity', () => {
    const fingerprint = nativeFingerprint(identity);

    expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(nativeFingerprint({ ...identity })).toBe(fingerprint);
  });

  it('uses the explicit fingerprint when the client sends one', () => {
    expect(nativeFingerprint({ ...identity, fingerprint: 'mine' })).toBe(
      'mine',
    );
  });

  it('differs when only one of source, type or component differs', () => {
    const fingerprints = new Set([
      nativeFingerprint(identity),
      nativeFingerprint({ ...identity, source: 'cd' }),
      nativeFingerprint({ ...identity, type: 'build' }),
      nativeFingerprint({ ...identity, component: 'web' }),
    ]);

    expect(fingerprints.size).toBe(4);
  });

  it('does not collide when the same text is split differently', () => {
    const left = { source: 'a b', type: 'c', component: 'd' };
    const right = { source: 'a', type: 'b c', component: 'd' };
    const swapped = { source: 'c', type: 'a b', component: 'd' };

    expect(nativeFingerprint(left)).not.toBe(nativeFingerprint(right));
    expect(nativeFingerprint(left)).not.toBe(nativeFingerprint(swapped));
  });

  it('does not collide when a value contains the encoding punctuation', () => {
    const left = { source: 'a","b', type: 'c', component: 'd' };
    const right = { source: 'a', type: 'b","c', component: 'd' };

    expect(nativeFingerprint(left)).not.toBe(nativeFingerprint(right));
  });
});
