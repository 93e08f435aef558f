import { TOPICS, type OutgoingMessage } from '@qms/ports';
import type { EscalationCommand } from '../escalation/escalation.commands';

/**
 * `qms.escalation-commands.v1`: a command keyed by escalation id (one
 * escalation, one partition, in order); its id is the command id, so a
 * redelivery is recognisable downstream.
 */
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
