import { InfrastructureError } from '@qms/ports';

/**
 * The broker could not take or serve messages. Retriable when kafkajs
 * says so, or when it gave up after its own retries (an outage), so that
 * a consumer publishing from its handler waits for the broker instead of
 * dead-lettering its input.
 */
export class KafkaUnavailableError extends InfrastructureError {
  constructor(
    readonly operation: 'publish' | 'subscribe',
    readonly topics: string[],
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      operation === 'publish'
        ? 'KAFKA_PUBLISH_FAILED'
        : 'KAFKA_SUBSCRIBE_FAILED',
      `${operation} on ${topics.join(', ')} failed: ${reason}`,
      isRetriableKafkaError(cause),
      { cause },
    );
  }
}

/** kafkajs's own rule for restarting a crashed consumer. */
export function isRetriableKafkaError(error: unknown): boolean {
  if ((error as Error)?.name === 'KafkaJSNumberOfRetriesExceeded') return true;
  let cause = error as { cause?: unknown; retriable?: unknown } | undefined;
  while (cause?.cause) cause = cause.cause as typeof cause;
  return cause?.retriable === true;
}
