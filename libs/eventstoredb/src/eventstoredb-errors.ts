import { InfrastructureError } from '@qms/ports';
import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
} from '@eventstore/db-client';

/** EventStoreDB did not answer, or answered with an error. */
export class EventStoreDbError extends InfrastructureError {
  constructor(operation: string, retriable: boolean, cause: unknown) {
    super(
      retriable ? 'EVENT_STORE_UNAVAILABLE' : 'EVENT_STORE_FAILED',
      `EventStoreDB ${operation} failed: ${describe(cause)}`,
      retriable,
      { cause },
    );
  }
}

/** A commit position past 2^53: the port's `number` cannot hold it. */
export class PositionOverflowError extends InfrastructureError {
  constructor(readonly commitPosition: bigint) {
    super(
      'EVENT_STORE_POSITION_OVERFLOW',
      `commit position ${commitPosition} exceeds Number.MAX_SAFE_INTEGER`,
      false,
    );
  }
}

/** Keeps the port's errors; wraps the client's, marking what to retry. */
export function toEventStoreError(
  operation: string,
  error: unknown,
): InfrastructureError {
  if (error instanceof InfrastructureError) return error;
  return new EventStoreDbError(operation, isTransient(error), error);
}

export function isTransient(error: unknown): boolean {
  return [
    UnavailableError,
    DeadlineExceededError,
    TimeoutError,
    NotLeaderError,
    CancelledError,
  ].some((type) => error instanceof type);
}

// Client messages name streams and versions; credentials in a connection
// string never reach them.
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
