import type {
  MessageBus,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from '@qms/ports';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Producer,
} from 'kafkajs';
import {
  resolveKafkaBusOptions,
  type KafkaBusOptions,
  type ResolvedKafkaBusOptions,
} from './kafka-bus.options';
import { toKafkaMessage } from './kafka-envelope';
import { KafkaUnavailableError } from './kafka-errors';
import { kafkaLogCreator } from './kafka-log-creator';
import { KafkaSubscription } from './kafka-subscription';
import { KafkaTopics } from './kafka-topics';
import { SendCoalescer } from './send-coalescer';
import { lazyConnection } from './lazy-connection';

/**
 * The distributed bus. Publishing goes through one idempotent producer
 * with acks from all in-sync replicas, so `publish` resolves once the
 * messages are durable, and a producer retry cannot duplicate or reorder
 * them. Each subscription is its own consumer-group member.
 */
export class KafkaMessageBus implements MessageBus {
  private readonly config: ResolvedKafkaBusOptions;
  private readonly kafka: Kafka;
  private readonly producer: ReturnType<typeof lazyConnection<Producer>>;
  private readonly admin: ReturnType<typeof lazyConnection<Admin>>;
  private readonly topics: KafkaTopics;
  private readonly subscriptions = new Set<KafkaSubscription>();
  private readonly sends = new SendCoalescer((m) => this.send(m));

  constructor(options: KafkaBusOptions) {
    this.config = resolveKafkaBusOptions(options);
    this.kafka = new Kafka({
      clientId: this.config.clientId,
      brokers: this.config.brokers,
      logLevel: logLevel.INFO,
      logCreator: kafkaLogCreator(this.config.logger),
    });
    this.producer = lazyConnection(() =>
      this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      }),
    );
    this.admin = lazyConnection(() => this.kafka.admin());
    this.topics = new KafkaTopics(this.admin.get, this.config.logger);
  }

  /** Creates missing topics and their `.dlq` twins. */
  async ensureTopics(names: string[], partitions?: number): Promise<void> {
    await this.topics.ensure(names, partitions ?? this.config.partitions);
  }

  /** Rejects with KafkaUnavailableError, retriable in an outage. */
  /** Resolves once the messages are acknowledged by all in-sync replicas. */
  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.sends.publish(messages);
  }

  private async send(messages: OutgoingMessage[]): Promise<void> {
    const byTopic = groupByTopic(messages);
    const topics = [...byTopic.keys()];
    try {
      if (this.config.createTopics) await this.ensureTopics(topics);
      const now = new Date();
      const producer = await this.producer.get();
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, group]) => ({
          topic,
          messages: group.map((m) => toKafkaMessage(m, now)),
        })),
      });
    } catch (error) {
      throw new KafkaUnavailableError('publish', topics, error);
    }
  }

  /** Resolves once the member is running; it joins its group after. */
  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const subscription = new KafkaSubscription(
      this.kafka,
      options,
      this.config,
      (messages) => this.publish(messages),
      this.config.logger,
      (topic) => this.partitionCount(topic),
    );
    try {
      if (this.config.createTopics) await this.ensureTopics([options.topic]);
      await subscription.start();
    } catch (error) {
      throw new KafkaUnavailableError('subscribe', [options.topic], error);
    }
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  private async partitionCount(topic: string): Promise<number> {
    const admin = await this.admin.get();
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return topics[0].partitions.length;
  }

  async close(): Promise<void> {
    const running = [...this.subscriptions];
    this.subscriptions.clear();
    await Promise.all(running.map((s) => s.stop()));
    await Promise.all([this.producer.close(), this.admin.close()]);
  }
}

function groupByTopic(messages: OutgoingMessage[]) {
  const byTopic = new Map<string, OutgoingMessage[]>();
  for (const message of messages) {
    const group = byTopic.get(message.topic);
    if (group) group.push(message);
    else byTopic.set(message.topic, [message]);
  }
  return byTopic;
}
