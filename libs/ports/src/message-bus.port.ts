/** A message as it travels on a topic. */
export interface BusMessage<T = unknown> {
  /** Unique per logical message; consumers deduplicate on it. */
  id: string;
  topic: string;
  /** Partitioning key: everything about one subject shares one key. */
  key: string;
  type: string;
  schemaVersion: number;
  /** ISO time the message was published. */
  timestamp: string;
  /** W3C traceparent of the span that published it. */
  traceparent?: string;
  payload: T;
  /** Position in the topic (adapter specific, for logs only). */
  offset?: string;
}

export type OutgoingMessage<T = unknown> = Omit<
  BusMessage<T>,
  'timestamp' | 'offset'
> & { timestamp?: string };

export type BatchHandler = (messages: BusMessage[]) => Promise<void>;

/** Whether messages with this key are delivered to this member now. */
export type KeyOwnership = (key: string) => boolean;

export interface SubscribeOptions {
  topic: string;
  /**
   * Consumer group: the instances of one service share it and together
   * see each message once (at least once). A cursor is kept per (group,
   * topic), so one group may follow several topics independently.
   */
  group: string;
  handler: BatchHandler;
  maxBatchSize?: number;
  /**
   * Told which keys this member holds whenever that changes: at the
   * start, and after each rebalance of its group. A sole member holds
   * every key; a member that lost its group holds none until it rejoins.
   */
  onAssignment?: (owns: KeyOwnership) => void;
}

export interface Subscription {
  /** Resolves once the subscription has stopped taking messages. */
  stop(): Promise<void>;
}

/**
 * Durable topics. `publish` resolves once every message is durable.
 * A subscription hands batches, in order per key, to its handler and
 * commits the offset only after the handler resolves; a batch that fails
 * is retried message by message and a message that keeps failing goes to
 * the dead-letter topic with its error code.
 */
export interface MessageBus {
  publish(messages: OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  close(): Promise<void>;
}

export const MESSAGE_BUS = Symbol('MessageBus');
