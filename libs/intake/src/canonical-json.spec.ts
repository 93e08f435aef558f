import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('gives the same text whatever order keys come in, at every level', () => {
    const one = { b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } };
    const other = { a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 };

    expect(canonicalJson(one)).toBe(canonicalJson(other));
    expect(canonicalJson(one)).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
  });

  it('keeps array order, which is content', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('escapes keys and strings as JSON does', () => {
    const value = { 'q"k': 'line\nbreak', '\u00e9': true };

    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('tells a string apart from the number it spells', () => {
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
  });
});
