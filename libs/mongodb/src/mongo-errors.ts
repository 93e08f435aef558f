import { InfrastructureError, type DocumentWrite } from '@qms/ports';
import {
  MongoNetworkError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';

/** A document the store cannot hold; writing it again will not help. */
export class DocumentRejectedError extends InfrastructureError {
  readonly collection: string;
  readonly documentId: string;

  constructor(write: DocumentWrite, reason: string, cause?: unknown) {
    super(
      'DOCUMENT_REJECTED',
      `document ${write.id} in ${write.collection} ${reason}`,
      false,
      { cause },
    );
    this.collection = write.collection;
    this.documentId = write.id;
  }
}

/** The server did not answer, or answered with an error. */
export class DocumentStoreError extends InfrastructureError {
  constructor(operation: string, retriable: boolean, cause: unknown) {
    const code = retriable
      ? 'DOCUMENT_STORE_UNAVAILABLE'
      : 'DOCUMENT_STORE_FAILED';
    super(code, `MongoDB ${operation} failed: ${describe(cause)}`, retriable, {
      cause,
    });
  }
}

/** Runs `call`, turning driver errors into the port's error hierarchy. */
export async function mongoCall<T>(
  operation: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof InfrastructureError) throw error;
    throw new DocumentStoreError(operation, isRetriable(error), error);
  }
}

const DUPLICATE_KEY = 11000;

export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/**
 * FerretDB's SQLite backend answers a write that lost a race for the
 * database lock with an internal error naming SQLITE_BUSY; the write was
 * not applied, and sending it again later succeeds.
 */
export function isLockContention(error: unknown): boolean {
  return (
    error instanceof MongoServerError && error.message.includes('SQLITE_BUSY')
  );
}

function isRetriable(error: unknown): boolean {
  if (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    isLockContention(error)
  ) {
    return true;
  }
  if (error instanceof MongoTopologyClosedError) return false;
  const labels = (error as { errorLabels?: unknown }).errorLabels;
  return Array.isArray(labels) && labels.includes('RetryableWriteError');
}

// Driver and server messages name namespaces, keys and ids, not field
// values, so they are repeated as they are.
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
