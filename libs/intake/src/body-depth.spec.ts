import { nestedObjects, nestedPath } from '../test/nested-value';
import { MAX_BODY_DEPTH, depthViolation } from './body-depth';

describe('depthViolation', () => {
  it('accepts a body nested exactly to the limit', () => {
    expect(depthViolation(nestedObjects(MAX_BODY_DEPTH))).toBeUndefined();
  });

  it('names the first object one level past the limit', () => {
    const body = { wrapper: nestedObjects(MAX_BODY_DEPTH) };

    expect(depthViolation(body)).toEqual({
      code: 'BODY_TOO_DEEP',
      path: `/wrapper${nestedPath(MAX_BODY_DEPTH)}`,
      problem: `is nested deeper than ${MAX_BODY_DEPTH} levels`,
    });
  });

  it('counts arrays as levels and points at their indexes', () => {
    const body = { list: [1, [2, [3]]] };

    expect(depthViolation(body, 3)).toMatchObject({ path: '/list/1/1' });
  });

  it('reports the first too-deep value in document order', () => {
    const body = { a: { ok: 1 }, b: { x: {} }, c: { y: {} } };

    expect(depthViolation(body, 2)).toMatchObject({ path: '/b/x' });
  });

  it('escapes ~ and / in the keys of the path', () => {
    const body = { 'a/b': { 'c~d': {} } };

    expect(depthViolation(body, 2)).toMatchObject({ path: '/a~1b/c~0d' });
  });

  it('walks a body far deeper than the call stack allows', () => {
    const body = nestedObjects(200_000);

    expect(() => JSON.stringify(body)).toThrow(RangeError);
    expect(depthViolation(body)?.path).toBe(nestedPath(MAX_BODY_DEPTH + 1));
  });

  it('lets scalar bodies and null through', () => {
    expect(depthViolation('text', 0)).toBeUndefined();
    expect(depthViolation(null, 0)).toBeUndefined();
  });
});
