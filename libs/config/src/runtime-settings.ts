import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export type Mode = 'standalone' | 'distributed';

/** Process settings from the environment; the only reader of env vars. */
export interface RuntimeSettings {
  host: string;
  port: number;
  configFile: string;
  dataDir: string;
  mode: Mode;
  /** Names this process in shared state (the delivery ledger's leases). */
  instanceId: string;
  logLevel: string;
  kafkaBrokers: string[];
  /**
   * How long a silent consumer keeps its partitions: how soon a crashed
   * instance's work moves to the survivors. Unset: the bus's default.
   */
  kafkaSessionTimeoutMs?: number;
  mongodbUrl?: string;
  eventStoreUrl?: string;
  eventStore: 'sqlite' | 'eventstoredb';
  /** OTLP/HTTP base URL; spans are exported only when it is set. */
  otlpEndpoint?: string;
}

export class SettingsError extends Error {
  readonly code = 'SETTINGS_INVALID';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

/** The shipped config, found from here whether run from source or dist/. */
function defaultConfigFile(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'config', 'qms.yaml');
    if (existsSync(candidate)) return candidate;
  }
  return resolve('config/qms.yaml');
}

export function runtimeSettings(
  env: Record<string, string | undefined>,
  overrides: { configFile?: string; defaultPort?: number } = {},
): RuntimeSettings {
  const listen = port(env.PORT, overrides.defaultPort ?? 8080);
  const mode = oneOf('QMS_MODE', env.QMS_MODE, [
    'standalone',
    'distributed',
  ] as const);
  return {
    host: env.HOST || '127.0.0.1',
    port: listen,
    instanceId:
      env.QMS_INSTANCE_ID ||
      (mode === 'standalone' ? 'standalone' : `${hostname()}:${listen}`),
    configFile: resolve(
      overrides.configFile ?? env.QMS_CONFIG ?? defaultConfigFile(),
    ),
    dataDir: resolve(env.QMS_DATA_DIR || 'data'),
    mode: oneOf('QMS_MODE', env.QMS_MODE, [
      'standalone',
      'distributed',
    ] as const),
    logLevel: env.LOG_LEVEL || 'info',
    kafkaBrokers: (env.KAFKA_BROKERS || '127.0.0.1:9092')
      .split(',')
      .filter(Boolean),
    kafkaSessionTimeoutMs: milliseconds(
      'KAFKA_SESSION_TIMEOUT_MS',
      env.KAFKA_SESSION_TIMEOUT_MS,
    ),
    mongodbUrl: env.MONGODB_URL,
    eventStoreUrl: env.EVENTSTORE_URL,
    eventStore: oneOf('QMS_EVENT_STORE', env.QMS_EVENT_STORE, [
      'sqlite',
      'eventstoredb',
    ] as const),
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
  };
}

function port(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new SettingsError(
      'PORT',
      `not a port number: ${JSON.stringify(text)}`,
    );
  }
  return n;
}

function milliseconds(
  name: string,
  text: string | undefined,
): number | undefined {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) {
    throw new SettingsError(
      name,
      `not a positive number of milliseconds: ${JSON.stringify(text)}`,
    );
  }
  return n;
}

function oneOf<T extends string>(
  name: string,
  text: string | undefined,
  allowed: readonly T[],
): T {
  if (!text) return allowed[0];
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new SettingsError(name, `expected one of ${allowed.join(', ')}`);
}
