import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { loadConfig, type RuntimeSettings } from '@qms/config';
import { createHttpApp } from '@qms/http';
import { createLogger, createTracing } from '@qms/observability';
import { systemClock, type Clock } from '@qms/ports';
import { createAdapters, type PortNeeds } from './adapters';
import { CoreModule } from './core.module';

export interface AppSpec {
  /** Service name in logs. */
  service: string;
  /** The modules the process runs. */
  modules: Array<Type<unknown> | DynamicModule>;
  needs: PortNeeds;
}

export interface RunningApp {
  app: INestApplication;
  url: string;
  stop(): Promise<void>;
}

/**
 * Loads the config (throwing ConfigError), binds the adapters of the mode
 * and serves the modules' HTTP routes plus /health, /ready, /metrics.
 * `stop` drains the services first, then closes the adapters and flushes
 * the spans. Spans go to `spanExporter` if given (tests), else over OTLP
 * when `settings.otlpEndpoint` is set, else nowhere.
 */
export async function startApp(
  spec: AppSpec,
  settings: RuntimeSettings,
  env: Record<string, string | undefined>,
  clock: Clock = systemClock,
  spanExporter?: SpanExporter,
): Promise<RunningApp> {
  const config = loadConfig(settings.configFile, env);
  const logger = createLogger({
    level: settings.logLevel,
    service: spec.service,
  });
  const tracing = createTracing({
    service: spec.service,
    otlpEndpoint: settings.otlpEndpoint,
    exporter: spanExporter,
  });
  const adapters = await createAdapters(settings, logger, spec.needs, tracing);
  const core = CoreModule.register({
    config,
    settings,
    logger,
    clock,
    tracing,
    adapters: adapters.providers,
  });
  const root: DynamicModule = {
    module: class AppRoot {},
    imports: [core, ...spec.modules],
  };
  const app = await createHttpApp(root, logger);
  await app.listen(settings.port, settings.host);
  const url = await app.getUrl();
  const fields = {
    service: spec.service,
    mode: settings.mode,
    port: settings.port,
  };
  logger.info(fields, 'listening');
  return {
    app,
    url,
    stop: async () => {
      await app.close();
      await adapters.close();
      await tracing.shutdown();
    },
  };
}
