import type { EscalationCommand } from '@qms/domain';
import { TOPICS, type OutgoingMessage } from '@qms/ports';

/** Commands are keyed by escalation id: one escalation, one partition. */
export function commandMessage(
  command: EscalationCommand,
  traceparent?: string,
): OutgoingMessage {
  return {
    id: command.commandId,
    topic: TOPICS.escalationCommands,
    key: command.escalationId,
    type: command.type,
    schemaVersion: 1,
    traceparent,
    payload: command,
  };
}
