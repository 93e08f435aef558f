import { deadLetterTopic, type Logger } from '@qms/ports';
import type { Admin } from 'kafkajs';

const DLQ_SUFFIX = deadLetterTopic('');

/**
 * Creates topics the bus is about to use, each with its dead-letter
 * topic, once per process. Calls run one after another so two first
 * publishes to one topic do not race to create it.
 */
export class KafkaTopics {
  private readonly known = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly admin: () => Promise<Admin>,
    private readonly logger: Logger,
  ) {}

  ensure(names: string[], partitions: number): Promise<void> {
    const wanted = [...new Set(names.flatMap(withDeadLetter))].filter(
      (name) => !this.known.has(name),
    );
    if (wanted.length === 0) return Promise.resolve();
    const run = this.queue.then(() => this.create(wanted, partitions));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async create(wanted: string[], partitions: number): Promise<void> {
    const admin = await this.admin();
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((name) => !existing.has(name));
    if (missing.length > 0) {
      await admin.createTopics({
        topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
        waitForLeaders: true,
      });
      this.logger.info({ topics: missing, partitions }, 'kafka topics created');
    }
    for (const name of wanted) this.known.add(name);
  }
}

function withDeadLetter(topic: string): string[] {
  return topic.endsWith(DLQ_SUFFIX) ? [topic] : [topic, deadLetterTopic(topic)];
}
