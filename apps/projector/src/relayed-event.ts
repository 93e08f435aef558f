import type { EscalationEventMessage } from '@qms/domain';
import type { BusMessage, StoredEvent } from '@qms/ports';

/** A relayed escalation event back in the shape the event store gives. */
export function relayedEvent(message: BusMessage): StoredEvent {
  const e = message.payload as EscalationEventMessage;
  return {
    streamId: `escalation-${e.escalationId}`,
    revision: e.revision,
    position: e.position,
    id: e.eventId,
    type: e.type,
    data: e.data,
    recordedAt: e.recordedAt,
  };
}
