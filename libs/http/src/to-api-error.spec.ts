import { HttpException } from '@nestjs/common';
import { errorCodes } from 'fastify';
import { toApiError } from './to-api-error';

/** What Nest's router makes of a Fastify error before any filter sees it. */
function asNestRethrows(error: Error & { statusCode?: number }) {
  return new HttpException(error.message, error.statusCode ?? 500);
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
