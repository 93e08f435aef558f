import type { BusMessage, OutgoingMessage } from './message-bus.port';
import { deadLetterTopic } from './topics';

/** Attempts for a message whose failure is not marked retriable. */
export const MAX_ATTEMPTS = 3;

export function backoffMs(attempt: number): number {
  return Math.min(100 * 2 ** attempt, 10_000);
}

/** A failure is retried forever only when it says it is retriable. */
export function isRetriable(error: unknown): boolean {
  return (error as { retriable?: unknown })?.retriable === true;
}

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : 'HANDLER_FAILED';
}

/** The dead-letter copy of a poison message, carrying the error code. */
export function deadLetter(
  message: BusMessage,
  error: unknown,
  group: string,
): OutgoingMessage {
  return {
    id: `${message.id}:dlq:${group}`,
    topic: deadLetterTopic(message.topic),
    key: message.key,
    type: message.type,
    schemaVersion: message.schemaVersion,
    traceparent: message.traceparent,
    payload: {
      error: {
        code: errorCode(error),
        message: error instanceof Error ? error.message : String(error),
        path: (error as { path?: unknown })?.path,
      },
      group,
      original: message,
    },
  };
}
