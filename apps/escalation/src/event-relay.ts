import type { EscalationEventMessage } from '@qms/domain';
import {
  CatchUp,
  TOPICS,
  type DocumentStore,
  type EventStore,
  type Logger,
  type MessageBus,
  type StoredEvent,
} from '@qms/ports';

const CHECKPOINTS = 'checkpoints';
const RELAY = 'escalation-relay';

/**
 * Relays committed escalation events from the store to
 * `qms.escalation-events.v1`, keyed by escalation id. Publishes, then
 * checkpoints: at least once, and the message id is the event id. Each
 * message carries the traceparent its command left in the event metadata.
 */
export class EventRelay {
  private readonly catchUp: CatchUp;

  constructor(
    store: EventStore,
    private readonly bus: MessageBus,
    private readonly docs: DocumentStore,
    logger: Logger,
  ) {
    this.catchUp = new CatchUp(store, logger, {
      name: RELAY,
      load: async () =>
        (
          await this.docs
            .collection<{ position: number }>(CHECKPOINTS)
            .get(RELAY)
        )?.position ?? 0,
      handle: (events) => this.relay(events),
    });
  }

  start(): Promise<void> {
    return this.catchUp.start();
  }

  stop(): Promise<void> {
    return this.catchUp.stop();
  }

  private async relay(events: StoredEvent[]): Promise<void> {
    const messages = events
      .filter((e) => e.streamId.startsWith('escalation-'))
      .map((e) => ({
        id: e.id,
        topic: TOPICS.escalationEvents,
        key: e.streamId.slice('escalation-'.length),
        type: e.type,
        schemaVersion: 1,
        traceparent: traceparentOf(e),
        payload: toMessage(e),
      }));
    await this.bus.publish(messages);
    const position = events[events.length - 1].position;
    await this.docs.write([
      { collection: CHECKPOINTS, id: RELAY, doc: { position } },
    ]);
  }
}

function traceparentOf(e: StoredEvent): string | undefined {
  const traceparent = e.metadata?.traceparent;
  return typeof traceparent === 'string' ? traceparent : undefined;
}

function toMessage(e: StoredEvent): EscalationEventMessage {
  return {
    escalationId: e.streamId.slice('escalation-'.length),
    eventId: e.id,
    revision: e.revision,
    position: e.position,
    recordedAt: e.recordedAt,
    type: e.type,
    data: e.data as Record<string, unknown>,
  };
}
