import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { QmsEvent } from '@qms/domain';
import { IntakeError, normalizeNativeEvent } from '@qms/intake';
import { READINESS, Readiness } from '@qms/observability';
import {
  deadLetter,
  LOGGER,
  MESSAGE_BUS,
  TOPICS,
  type BusMessage,
  type Logger,
  type MessageBus,
  type OutgoingMessage,
  type Subscription,
} from '@qms/ports';
import { IntakeService } from './intake.service';

/**
 * Native events that upstream services publish to `qms.ingest.v1` get the
 * same validation as HTTP intake. An invalid one goes to
 * `qms.ingest.v1.dlq` with the error code and path, never downstream.
 */
@Injectable()
export class IngestTopicConsumer
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private subscription?: Subscription;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(READINESS) private readonly readiness: Readiness,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly intake: IntakeService,
  ) {
    readiness.expect('ingest-topic');
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      topic: TOPICS.ingest,
      group: 'ingestor',
      handler: (batch) => this.ingest(batch),
    });
    this.readiness.ready('ingest-topic');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  private async ingest(batch: BusMessage[]): Promise<void> {
    const accepted: QmsEvent[] = [];
    const rejected: OutgoingMessage[] = [];
    for (const m of batch) {
      try {
        const ctx = this.intake.context();
        accepted.push(
          normalizeNativeEvent(m.payload, { ...ctx, newId: () => m.id }),
        );
      } catch (error) {
        if (!(error instanceof IntakeError)) throw error;
        const fields = {
          topic: m.topic,
          offset: m.offset,
          code: error.code,
          path: error.path,
        };
        this.logger.warn(
          fields,
          'invalid upstream event sent to dead-letter topic',
        );
        this.intake.rejected('ingest-topic', error.code);
        rejected.push(deadLetter(m, error, 'ingestor'));
      }
    }
    await this.bus.publish(rejected);
    await this.intake.accept(accepted, { endpoint: 'ingest-topic' });
  }
}
