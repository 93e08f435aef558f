import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  FastifyAdapter,
  type NestFastifyApplication,
} from '@nestjs/platform-fastify';
import type { Logger } from '@qms/ports';
import { HttpErrorFilter } from './http-error.filter';

/** Request bodies above this are refused with 413 before parsing. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * A Nest app on Fastify with the shared error filter and body limit.
 * Signals are the entry point's business (`runMain`): `app.close()` runs
 * the services' shutdown hooks, then the adapters close.
 */
export async function createHttpApp(
  module: Type<unknown> | DynamicModule,
  logger: Logger,
): Promise<INestApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    module,
    adapter,
    {
      logger: false,
      abortOnError: false,
    },
  );
  app.useGlobalFilters(new HttpErrorFilter(logger));
  return app;
}
