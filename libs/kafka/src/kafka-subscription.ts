import {
  backoffMs,
  type Logger,
  type OutgoingMessage,
  type SubscribeOptions,
} from '@qms/ports';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { BatchDelivery, type DeliveryControl } from './kafka-batch-delivery';
import type { ResolvedKafkaBusOptions } from './kafka-bus.options';
import { fromKafkaMessage } from './kafka-envelope';
import { keyOwnership } from './key-ownership';

const HEARTBEAT_WHILE_HANDLING_MS = 1000;

/**
 * One consumer-group member on one topic. Offsets are committed only
 * after the handler resolved for a chunk (autoCommit off), so a member
 * that stops midway leaves its chunk to whoever takes the partition.
 * A consumer that kafkajs gives up on is rebuilt with backoff.
 */
export class KafkaSubscription {
  private running = false;
  private consumer?: Consumer;
  private crashes = 0;
  private readonly wakers = new Set<() => void>();
  private readonly delivery: BatchDelivery;
  /** Counts group joins, so a slow answer for an older one is ignored. */
  private joins = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: SubscribeOptions,
    private readonly config: ResolvedKafkaBusOptions,
    publish: (messages: OutgoingMessage[]) => Promise<void>,
    private readonly logger: Logger,
    private readonly partitionCount: (topic: string) => Promise<number>,
  ) {
    this.delivery = new BatchDelivery(options, publish, logger);
  }

  async start(): Promise<void> {
    this.running = true;
    const consumer = this.kafka.consumer({
      groupId: kafkaGroupId(this.options.group, this.options.topic),
      sessionTimeout: this.config.sessionTimeoutMs,
      maxWaitTimeInMs: this.config.maxWaitTimeMs,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) =>
      this.onCrash(payload.error, payload.restart),
    );
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      const assigned = payload.memberAssignment[this.options.topic] ?? [];
      void this.onJoin(assigned);
    });
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: [this.options.topic],
        fromBeginning: true,
      });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently:
          this.config.partitionsConsumedConcurrently,
        eachBatch: (payload) => this.eachBatch(payload),
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    // A stop that raced a crash restart must not leave a member behind.
    if (!this.running) await consumer.disconnect();
  }

  /** Waits for a running handler; a pending retry ends at once. */
  async stop(): Promise<void> {
    this.running = false;
    this.holdNothing();
    for (const wake of this.wakers) wake();
    await this.consumer?.disconnect();
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat } = payload;
    const control: DeliveryControl = {
      active: () => this.running && !payload.isStale(),
      heartbeat,
      pause: (ms) => this.pause(ms),
    };
    const size = this.options.maxBatchSize ?? 500;
    for (let i = 0; i < batch.messages.length; i += size) {
      const chunk = batch.messages.slice(i, i + size);
      const messages = chunk.map((record) =>
        fromKafkaMessage(batch.topic, batch.partition, record),
      );
      const delivering = this.delivery.deliver(messages, control);
      if (!(await this.whileAlive(heartbeat, delivering))) return;
      resolveOffset(chunk[chunk.length - 1].offset);
      await payload.commitOffsetsIfNecessary(payload.uncommittedOffsets());
      this.crashes = 0;
    }
  }

  /**
   * Heartbeats while the handler runs: kafkajs sends them only between
   * batches, so a handler slower than the session timeout would lose its
   * partitions and see its chunk again. kafkajs spaces them itself; one
   * refused because a rebalance began is left for the next fetch to see.
   */
  private async whileAlive<T>(
    heartbeat: () => Promise<void>,
    work: Promise<T>,
  ): Promise<T> {
    const timer = setInterval(
      () => void heartbeat().catch(() => undefined),
      HEARTBEAT_WHILE_HANDLING_MS,
    );
    try {
      return await work;
    } finally {
      clearInterval(timer);
    }
  }

  private pause(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }

  /** Tells the subscriber which keys the partitions it now holds carry. */
  private async onJoin(assigned: number[]): Promise<void> {
    const tell = this.options.onAssignment;
    if (!tell) return;
    const join = ++this.joins;
    const { topic } = this.options;
    for (let attempt = 1; this.running; attempt++) {
      try {
        const count = await this.partitionCount(topic);
        if (join !== this.joins) return;
        this.logger.info({ topic, partitions: assigned }, 'partitions held');
        return tell(keyOwnership(topic, assigned, count));
      } catch (error) {
        const fields = { topic, attempt, error: String(error) };
        this.logger.warn(fields, 'reading the partition count failed');
        await this.pause(backoffMs(attempt));
      }
    }
  }

  private holdNothing(): void {
    this.joins++;
    this.options.onAssignment?.(() => false);
  }

  /** kafkajs restarts itself after retriable errors only. */
  private onCrash(error: Error, restarting: boolean): void {
    const fields = {
      topic: this.options.topic,
      group: this.options.group,
      error: error.message,
      restarting,
    };
    this.logger.error(fields, 'kafka consumer crashed');
    this.holdNothing(); // until it rejoins its group
    if (restarting || !this.running) return;
    this.crashes++;
    void this.pause(backoffMs(this.crashes)).then(() => this.restart());
  }

  private async restart(): Promise<void> {
    if (!this.running) return;
    try {
      await this.start();
    } catch (error) {
      this.onCrash(error as Error, false);
    }
  }
}

/**
 * The port keeps one cursor per (group, topic); in Kafka, members of one
 * group must subscribe to the same topics, so each pair is its own group.
 */
export function kafkaGroupId(group: string, topic: string): string {
  return `${group}.${topic}`;
}
