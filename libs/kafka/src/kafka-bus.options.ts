import { silentLogger, type Logger } from '@qms/ports';

export interface KafkaBusOptions {
  /** `host:port` of one or more brokers to bootstrap from. */
  brokers: string[];
  /** Names this process in broker logs and quotas. Default `qms`. */
  clientId?: string;
  /** Receives the adapter's and kafkajs's logs. Default: silent. */
  logger?: Logger;
  /** Partitions of the topics the bus creates. Default 3. */
  partitions?: number;
  /**
   * Create a missing topic, and its dead-letter twin, on first publish or
   * subscribe. Turn off where topics are provisioned. Default true.
   */
  createTopics?: boolean;
  /**
   * Partitions of one subscription whose batches are handled at the same
   * time; a handler may therefore run concurrently for different keys,
   * never for one key. Default 3.
   */
  partitionsConsumedConcurrently?: number;
  /** Longest a fetch waits for new messages; bounds `stop()`. Default 500. */
  maxWaitTimeMs?: number;
  /** A member silent this long is dropped from its group. Default 30000. */
  sessionTimeoutMs?: number;
}

export type ResolvedKafkaBusOptions = Required<KafkaBusOptions>;

export function resolveKafkaBusOptions(
  options: KafkaBusOptions,
): ResolvedKafkaBusOptions {
  return {
    clientId: 'qms',
    logger: silentLogger,
    partitions: 3,
    createTopics: true,
    partitionsConsumedConcurrently: 3,
    maxWaitTimeMs: 500,
    sessionTimeoutMs: 30_000,
    ...withoutUndefined(options),
    brokers: options.brokers,
  };
}

function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
