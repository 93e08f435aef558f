import { HttpException } from '@nestjs/common';
import { errorCodes } from 'fastify';
import { toApiError } from './to-api-error';

/** What Nest's router makes of a Fastify error before any filter sees it. */
function asNestRethrows(error: Error & { statusCode?: number }) {
  return new HttpException(error.message, error.statusCode ?? 500);
}

/** The error V8 throws when the call stack runs out. */
function stackOverflow(): unknown {
  const descend = (depth: number): number => descend(depth + 1) + 1;
  try {
    descend(0);
  } catch (error) {
    return error;
  }
  throw new Error('expected the call stack to overflow');
}

describe('toApiError', () => {
  it.each([
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'MALFORMED_JSON'],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'PAYLOAD_TOO_LARGE'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'EMPTY_BODY'],
  ] as const)(
    'keeps the code of %s after Nest re-throws it',
    (name, status, code) => {
      const error = toApiError(
        asNestRethrows(new errorCodes[name]()),
        '/v1/events',
      );

      expect(error).toMatchObject({ status, code, path: '' });
    },
  );

  it('answers a stack overflow, from a body too deep, as BODY_TOO_DEEP', () => {
    const overflow = stackOverflow();

    const error = toApiError(overflow, '/v1/events');

    expect(overflow).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({
      status: 400,
      code: 'BODY_TOO_DEEP',
      path: '',
    });
  });

  it('leaves any other RangeError an internal error', () => {
    const error = toApiError(new RangeError('Invalid array length'), '/x');

    expect(error).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });

  it('answers an unknown route as NOT_FOUND', () => {
    const error = toApiError(new HttpException('x', 404), '/v1/nope?a=1');

    expect(error).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      message: 'no route for /v1/nope',
    });
  });

  it('leaves another 400 HttpException a plain HTTP_400', () => {
    const error = toApiError(new HttpException('bad', 400), '/v1/events');

    expect(error).toMatchObject({ status: 400, code: 'HTTP_400' });
  });
});
