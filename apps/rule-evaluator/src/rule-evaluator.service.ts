import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { QMS_CONFIG, type QmsConfig } from '@qms/config';
import { SIGNAL_EVALUATED, type QmsEvent } from '@qms/domain';
import { METRICS, Metrics, READINESS, Readiness } from '@qms/observability';
import {
  LOGGER,
  MESSAGE_BUS,
  TOPICS,
  type BusMessage,
  type Logger,
  type MessageBus,
  type Subscription,
} from '@qms/ports';
import { evaluateSignal } from './evaluate-signal';

/** Consumes accepted signals, publishes each one's rule evaluation. */
@Injectable()
export class RuleEvaluatorService
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private subscription?: Subscription;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(QMS_CONFIG) private readonly config: QmsConfig,
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(READINESS) private readonly readiness: Readiness,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    readiness.expect('rule-evaluator');
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      topic: TOPICS.events,
      group: 'rule-evaluator',
      handler: (batch) => this.evaluate(batch),
    });
    this.readiness.ready('rule-evaluator');
    this.logger.info({ topic: TOPICS.events }, 'rule evaluator subscribed');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  private async evaluate(batch: BusMessage[]): Promise<void> {
    const out = batch.map((m) => {
      const evaluation = evaluateSignal(m.payload as QmsEvent, this.config);
      this.logger.debug(
        {
          eventId: evaluation.event.id,
          rules: evaluation.reasons.map((r) => r.rule),
        },
        'signal evaluated',
      );
      return {
        id: `evaluated:${m.id}`,
        topic: TOPICS.ruleMatches,
        key: m.key,
        type: SIGNAL_EVALUATED,
        schemaVersion: 1,
        traceparent: m.traceparent,
        payload: evaluation,
      };
    });
    await this.bus.publish(out);
    for (const m of batch) {
      this.metrics.observeSinceAccepted(
        'rule_evaluated',
        (m.payload as QmsEvent).acceptedAt,
      );
    }
  }
}
