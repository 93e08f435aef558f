import { Inject, Injectable } from '@nestjs/common';
import { SIGNAL_ACCEPTED, type QmsEvent } from '@qms/domain';
import type { IntakeContext } from '@qms/intake';
import { METRICS, Metrics } from '@qms/observability';
import {
  CLOCK,
  LOGGER,
  MESSAGE_BUS,
  TOPICS,
  type Clock,
  type Logger,
  type MessageBus,
} from '@qms/ports';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

const INTAKE_NS = '6a1f0e2d-3c4b-4a59-8e7f-9d0c1b2a3f4e';

/**
 * Publishes normalised signals to `qms.events.v1`, keyed by fingerprint.
 * Resolves only once they are durable: a 2xx means the signal is kept.
 */
@Injectable()
export class IntakeService {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  context(source?: 'alertmanager' | 'grafana'): IntakeContext {
    return {
      acceptedAt: this.clock.now().toISOString(),
      newId: () => randomUUID(),
      idFor: (seed) => uuidv5(seed, INTAKE_NS),
      source,
    };
  }

  async accept(events: QmsEvent[], traceparent?: string): Promise<void> {
    await this.bus.publish(
      events.map((e) => ({
        id: e.id,
        topic: TOPICS.events,
        key: e.fingerprint,
        type: SIGNAL_ACCEPTED,
        schemaVersion: 1,
        traceparent,
        payload: e,
      })),
    );
    for (const e of events) {
      this.metrics.eventsAccepted.inc({ source: e.source });
      this.logger.debug(
        { eventId: e.id, fingerprint: e.fingerprint, action: e.action },
        'signal accepted',
      );
    }
  }

  rejected(endpoint: string, code: string): void {
    this.metrics.eventsRejected.inc({ endpoint, code });
  }
}
