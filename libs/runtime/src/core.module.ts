import {
  Global,
  Module,
  type DynamicModule,
  type Provider,
} from '@nestjs/common';
import {
  QMS_CONFIG,
  RUNTIME_SETTINGS,
  type QmsConfig,
  type RuntimeSettings,
} from '@qms/config';
import {
  HealthController,
  METRICS,
  Metrics,
  READINESS,
  Readiness,
  TRACING,
  type Tracing,
} from '@qms/observability';
import { CLOCK, LOGGER, type Clock, type Logger } from '@qms/ports';

export interface CoreOptions {
  config: QmsConfig;
  settings: RuntimeSettings;
  logger: Logger;
  clock: Clock;
  /** The process's tracer; a no-op one when no exporter is configured. */
  tracing: Tracing;
  /** Adapters bound to the bus, event store and document store ports. */
  adapters: Provider[];
}

/**
 * What every app gets: configuration, clock, logger, metrics, readiness,
 * tracing, the port adapters chosen for the mode, and /health, /ready,
 * /metrics.
 */
@Global()
@Module({})
export class CoreModule {
  static register(options: CoreOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: QMS_CONFIG, useValue: options.config },
      { provide: RUNTIME_SETTINGS, useValue: options.settings },
      { provide: LOGGER, useValue: options.logger },
      { provide: CLOCK, useValue: options.clock },
      { provide: METRICS, useValue: new Metrics() },
      { provide: READINESS, useValue: new Readiness() },
      { provide: TRACING, useValue: options.tracing },
      ...options.adapters,
    ];
    return {
      module: CoreModule,
      controllers: [HealthController],
      providers,
      exports: providers.map((p) => (typeof p === 'function' ? p : p.provide)),
    };
  }
}
