import { keyOwnership, partitionOf } from './key-ownership';

describe('key ownership', () => {
  // Kafka 4.4's Java client (Utils.murmur2, toPositive, modulo) puts
  // these keys on these partitions, checked with jshell against
  // kafka-clients-4.4.0.jar: producers in any language agree with the
  // deadline owner on where an escalation's commands go.
  it.each([
    ['a', 4, 1],
    ['escalation-1', 2, 2],
    ['bar', 3, 0],
    ['hello', 3, 0],
  ])(
    'puts %s on partition %i of 6 and %i of 3, as Kafka does',
    (key, of6, of3) => {
      expect(partitionOf('t', key, 6)).toBe(of6);
      expect(partitionOf('t', key, 3)).toBe(of3);
    },
  );

  it('splits every key between members holding disjoint partitions', () => {
    const first = keyOwnership('t', [0, 2, 4], 6);
    const second = keyOwnership('t', [1, 3, 5], 6);
    const keys = Array.from({ length: 200 }, (_, i) => `esc-${i}`);
    const both = keys.filter((k) => first(k) && second(k));
    const neither = keys.filter((k) => !first(k) && !second(k));
    expect(both).toEqual([]);
    expect(neither).toEqual([]);
    expect(keys.filter(first).length).toBeGreaterThan(50);
    expect(keys.filter(second).length).toBeGreaterThan(50);
  });

  it('holds nothing with no partitions', () => {
    expect(keyOwnership('t', [], 6)('esc-1')).toBe(false);
  });
});
