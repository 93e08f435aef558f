import { decideDeadline } from './decide-deadline';
import { decideTrigger } from './decide-trigger';
import type { CommandMap, EscalationCommand } from './escalation.commands';
import { refusal, requireExists } from './escalation.errors';
import type { EscalationEvent } from './escalation.events';
import type { EscalationState } from './escalation.state';
import { isOpen } from './escalation.state';

/**
 * The escalation's decider: which facts a command produces given the
 * current state. Pure: no clock, no ids, no I/O. An empty list means the
 * command changes nothing (idempotent repeats); a refusal throws
 * `EscalationError`.
 */
export function decide(
  command: EscalationCommand,
  state: EscalationState,
): EscalationEvent[] {
  switch (command.type) {
    case 'TriggerEscalation':
      return decideTrigger(command, state);
    case 'AcknowledgeEscalation':
      return decideAcknowledge(command, state);
    case 'ResolveEscalation':
      return decideResolve(command, state);
    case 'CloseEscalation':
      return decideClose(command, state);
    case 'FireDeadline':
      return decideDeadline(command, state);
    case 'RecordDeliveryOutcome':
      return decideDeliveryOutcome(command, state);
    default:
      return assertNever(command);
  }
}

function decideAcknowledge(
  c: CommandMap['AcknowledgeEscalation'],
  s: EscalationState,
): EscalationEvent[] {
  requireExists(c, s);
  if (s.status === 'acknowledged') return [];
  if (!isOpen(s)) {
    if (c.via === 'signal') return [];
    throw refusal('ESCALATION_NOT_OPEN', c, `escalation is ${s.status}`);
  }
  const data = { at: c.now, by: c.by, via: c.via, note: c.note };
  return [{ type: 'EscalationAcknowledged', data }];
}

function decideResolve(
  c: CommandMap['ResolveEscalation'],
  s: EscalationState,
): EscalationEvent[] {
  requireExists(c, s);
  const actor = { at: c.now, by: c.by, via: c.via };
  if (isOpen(s)) {
    return [{ type: 'EscalationResolved', data: { ...actor, note: c.note } }];
  }
  if (c.via === 'api') {
    const code =
      s.status === 'closed'
        ? 'ESCALATION_CLOSED'
        : 'ESCALATION_ALREADY_RESOLVED';
    throw refusal(code, c, `escalation is already ${s.status}`);
  }
  if (s.status === 'closed') return [];
  return [{ type: 'EscalationResolveRepeated', data: actor }];
}

function decideClose(
  c: CommandMap['CloseEscalation'],
  s: EscalationState,
): EscalationEvent[] {
  requireExists(c, s);
  if (s.status === 'closed') {
    throw refusal('ESCALATION_CLOSED', c, 'escalation is already closed');
  }
  const data = { at: c.now, by: c.by, via: c.via };
  return [{ type: 'EscalationClosed', data }];
}

function decideDeliveryOutcome(
  c: CommandMap['RecordDeliveryOutcome'],
  s: EscalationState,
): EscalationEvent[] {
  requireExists(c, s);
  const ref = {
    at: c.now,
    key: c.key,
    channel: c.channel,
    recipient: c.recipient,
    step: c.step,
    repeat: c.repeat,
    attempt: c.attempt,
  };
  if (c.outcome === 'delivered') {
    return [
      { type: 'NotificationDelivered', data: { ...ref, detail: c.detail } },
    ];
  }
  const failure = { code: c.code, reason: c.reason, final: c.final };
  return [{ type: 'NotificationFailed', data: { ...ref, ...failure } }];
}

function assertNever(value: never): never {
  throw new Error(`unhandled command ${JSON.stringify(value)}`);
}
