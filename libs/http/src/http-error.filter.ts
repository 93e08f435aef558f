import {
  Catch,
  HttpException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Logger } from '@qms/ports';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error';
import { toApiError } from './to-api-error';

/**
 * The one place errors become HTTP answers. Native endpoints answer
 * `{ error: { code, message, path } }`; an error that carries its own
 * wire body (PagerDuty's format) is answered with that body.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = (exception as { body?: unknown })?.body;
    const error = toApiError(exception, request.url);
    if (error.status >= 500) {
      this.logger.error(
        { url: request.routeOptions?.url, err: exception },
        'request failed',
      );
    }
    if (
      body &&
      typeof body === 'object' &&
      !(exception instanceof HttpException)
    ) {
      void reply.status(error.status).send(body);
      return;
    }
    if (PAGERDUTY_ROUTES.test(request.url)) {
      // PagerDuty clients read PagerDuty's shape, also for refusals that
      // happen before the route (media type, size, malformed JSON).
      const errors = [error.message];
      void reply
        .status(error.status)
        .send({ status: 'invalid event', message: error.message, errors });
      return;
    }
    void reply.status(error.status).send({
      error: { code: error.code, message: error.message, path: error.path },
    });
  }
}

const PAGERDUTY_ROUTES = /^\/(v2\/enqueue|v1\/integrations\/pagerduty)(\?|$)/;

export { ApiError };
