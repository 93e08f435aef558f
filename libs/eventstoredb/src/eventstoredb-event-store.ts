import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@eventstore/db-client';
import {
  silentLogger,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type Logger,
  type NewEvent,
  type StoredEvent,
} from '@qms/ports';
import { AppendNotifier } from './append-notifier';
import { toEventStoreError } from './eventstoredb-errors';
import { readAllAfter } from './read-all';
import { toEventData, toStoredEvent } from './recorded-event.mapper';

export interface EventStoreDbOptions {
  logger?: Logger;
  /** Dispose of the client in `close()`. Default false: the caller owns it. */
  ownsClient?: boolean;
}

/**
 * The event store on EventStoreDB (tested against the shared contract
 * only when EVENTSTORE_URL names a server).
 *
 * Duplicates: the stream's head is read before appending. At the expected
 * revision the append goes ahead; elsewhere, or when the server reports a
 * conflict, the stream is searched for the first event's id: found means
 * `duplicate`, not found a WrongExpectedRevisionError. Two identical
 * appends racing past the head check both report `duplicate: false`;
 * EventStoreDB stores the events once all the same.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly notifier: AppendNotifier;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbOptions = {},
  ) {
    this.notifier = new AppendNotifier(client, options.logger ?? silentLogger);
  }

  /** A store with its own client; nothing connects until the first call. */
  static fromConnectionString(
    url: string,
    options: Omit<EventStoreDbOptions, 'ownsClient'> = {},
  ): EventStoreDbEventStore {
    const client = EventStoreDBClient.connectionString(url);
    return new EventStoreDbEventStore(client, { ...options, ownsClient: true });
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    const events = await this.read('readStream', streamId, {
      direction: FORWARDS,
    });
    return events.map(toStoredEvent);
  }

  async append(
    streamId: string,
    events: NewEvent[],
    expectedRevision: number,
  ): Promise<AppendResult> {
    const head = await this.head(streamId);
    if (head !== expectedRevision || events.length === 0) {
      return this.settle(streamId, events, expectedRevision, head);
    }
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map(toEventData),
        { expectedRevision: head === -1 ? NO_STREAM : BigInt(head) },
      );
      this.notifier.notify();
      return {
        revision: Number(result.nextExpectedRevision),
        duplicate: false,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) {
        throw toEventStoreError('append', error);
      }
      const actual = await this.head(streamId);
      return this.settle(streamId, events, expectedRevision, actual);
    }
  }

  readAll(position: number, limit: number): Promise<StoredEvent[]> {
    return readAllAfter(this.client, position, limit).catch((error) => {
      throw toEventStoreError('readAll', error);
    });
  }

  onAppend(listener: () => void): () => void {
    return this.notifier.add(listener);
  }

  async close(): Promise<void> {
    await this.notifier.close();
    if (this.options.ownsClient) await this.client.dispose();
  }

  /** An append that cannot go ahead: a duplicate, or a conflict. */
  private async settle(
    streamId: string,
    events: NewEvent[],
    expected: number,
    head: number,
  ): Promise<AppendResult> {
    if (events.length > 0) {
      const stored = await this.readStream(streamId);
      if (stored.some((e) => e.id === events[0].id)) {
        return { revision: head, duplicate: true };
      }
    }
    if (head !== expected) {
      throw new WrongExpectedRevisionError(streamId, expected, head);
    }
    return { revision: head, duplicate: false };
  }

  /** Revision of the stream's last event; -1 when there is none. */
  private async head(streamId: string): Promise<number> {
    const [last] = await this.read('append', streamId, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    });
    return last ? Number(last.revision) : -1;
  }

  private async read(
    operation: string,
    streamId: string,
    options: ReadStreamOptions,
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, options)) {
        if (resolved.event) events.push(resolved.event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw toEventStoreError(operation, error);
    }
    return events;
  }
}
