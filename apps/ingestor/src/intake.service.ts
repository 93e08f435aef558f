import { Inject, Injectable } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import { SIGNAL_ACCEPTED, type QmsEvent } from '@qms/domain';
import type { IntakeContext } from '@qms/intake';
import { METRICS, Metrics, TRACING, Tracing } from '@qms/observability';
import {
  CLOCK,
  LOGGER,
  MESSAGE_BUS,
  TOPICS,
  type Clock,
  type Logger,
  type MessageBus,
  type OutgoingMessage,
} from '@qms/ports';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

const INTAKE_NS = '6a1f0e2d-3c4b-4a59-8e7f-9d0c1b2a3f4e';

/** Where signals came in, and the caller's W3C traceparent if it sent one. */
export interface IntakeOrigin {
  endpoint: string;
  traceparent?: string;
}

/**
 * Publishes normalised signals to `qms.events.v1`, keyed by fingerprint.
 * Resolves only once they are durable: a 2xx means the signal is kept.
 * Each call is an `intake <endpoint>` span, the root of the signals' hops.
 */
@Injectable()
export class IntakeService {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(LOGGER) private readonly logger: Logger,
    // Constructed by hand (tests), it traces nothing.
    @Inject(TRACING) private readonly tracing: Tracing = new Tracing(),
  ) {}

  context(source?: 'alertmanager' | 'grafana'): IntakeContext {
    return {
      acceptedAt: this.clock.now().toISOString(),
      newId: () => randomUUID(),
      idFor: (seed) => uuidv5(seed, INTAKE_NS),
      source,
    };
  }

  async accept(events: QmsEvent[], origin: IntakeOrigin): Promise<void> {
    const kind = SpanKind.SERVER;
    const attributes = { 'qms.intake.endpoint': origin.endpoint };
    await this.tracing.inSpan(
      `intake ${origin.endpoint}`,
      origin.traceparent,
      { kind, attributes },
      (traceparent) =>
        this.bus.publish(events.map((e) => signalMessage(e, traceparent))),
    );
    for (const e of events) {
      this.metrics.eventsAccepted.inc({ source: sourceLabel(e.source) });
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

function signalMessage(e: QmsEvent, traceparent?: string): OutgoingMessage {
  return {
    id: e.id,
    topic: TOPICS.events,
    key: e.fingerprint,
    type: SIGNAL_ACCEPTED,
    schemaVersion: 1,
    traceparent,
    payload: e,
  };
}

const INTEGRATIONS = new Set(['alertmanager', 'grafana', 'pagerduty']);

/** Native sources are the client's own words: one label keeps series few. */
function sourceLabel(source: string): string {
  return INTEGRATIONS.has(source) ? source : 'native';
}
