export interface NewEvent<T = unknown> {
  /** Derived from the command id: a redelivered command appends nothing. */
  id: string;
  type: string;
  data: T;
  metadata?: Record<string, unknown>;
}

export interface StoredEvent<T = unknown> extends NewEvent<T> {
  streamId: string;
  /** 0-based position within the stream. */
  revision: number;
  /** Position across all streams, increasing with commit order. */
  position: number;
  recordedAt: string;
}

/** `-1` expects the stream not to exist yet. */
export type ExpectedRevision = number;

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  revision: number;
  /** True when these event ids were already appended: nothing was added. */
  duplicate: boolean;
}

/**
 * Append-only streams. `append` checks the expected revision and throws
 * `WrongExpectedRevisionError` on conflict; it never overwrites.
 */
export interface EventStore {
  readStream(streamId: string): Promise<StoredEvent[]>;
  append(
    streamId: string,
    events: NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;
  /** Events after `position` in commit order, at most `limit`. */
  readAll(position: number, limit: number): Promise<StoredEvent[]>;
  /** Calls `listener` whenever something was appended (a hint, no data). */
  onAppend(listener: () => void): () => void;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
