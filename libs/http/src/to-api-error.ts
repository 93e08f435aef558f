import { HttpException } from '@nestjs/common';
import { errorCodes } from 'fastify';
import { ApiError } from './api-error';

/** Fastify's own refusals (parser, size, media type), by its codes. */
const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_BODY' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'INVALID_CONTENT_LENGTH',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON' },
};

/**
 * Nest re-throws Fastify's refusals as `HttpException(message, status)`,
 * dropping the code: the message is what is left to recognise them by.
 */
const FASTIFY_BY_MESSAGE = new Map(
  Object.entries(FASTIFY_CODES).map(([name, mapped]) => {
    const FastifyError = errorCodes[name as keyof typeof errorCodes];
    return [new FastifyError().message, mapped] as const;
  }),
);

type Coded = {
  code?: unknown;
  path?: unknown;
  statusCode?: unknown;
  status?: unknown;
};

export function toApiError(exception: unknown, url: string): ApiError {
  if (exception instanceof ApiError) return exception;
  const e = (exception ?? {}) as Coded & Error;
  const known = typeof e.code === 'string' ? FASTIFY_CODES[e.code] : undefined;
  if (known) return new ApiError(known.status, known.code, e.message);
  if (e instanceof SyntaxError && e.statusCode === 400) {
    return new ApiError(400, 'MALFORMED_JSON', e.message);
  }
  if (isStackOverflow(e)) {
    return new ApiError(400, 'BODY_TOO_DEEP', 'body is nested too deeply');
  }
  if (typeof e.code === 'string' && typeof e.path === 'string') {
    return new ApiError(statusOf(e), e.code, e.message, e.path);
  }
  if (exception instanceof HttpException) {
    const fastify = FASTIFY_BY_MESSAGE.get(exception.message);
    if (fastify && fastify.status === exception.getStatus())
      return new ApiError(fastify.status, fastify.code, exception.message);
    const status = exception.getStatus();
    const code = status === 404 ? 'NOT_FOUND' : `HTTP_${status}`;
    const message =
      status === 404 ? `no route for ${url.split('?')[0]}` : exception.message;
    return new ApiError(status, code, message, status === 404 ? '' : '');
  }
  return new ApiError(500, 'INTERNAL_ERROR', 'internal error');
}

/**
 * V8's "Maximum call stack size exceeded". Only a body nested too deep to
 * parse or copy gets here (intake refuses deeper than 32 levels, so our
 * own code never sees one); the client's body is at fault, not the server.
 */
function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** Coded domain errors without a status are client errors. */
function statusOf(e: Coded): number {
  const s = typeof e.statusCode === 'number' ? e.statusCode : e.status;
  return typeof s === 'number' && s >= 400 && s < 600 ? s : 400;
}
