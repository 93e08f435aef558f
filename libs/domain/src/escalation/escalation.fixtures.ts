import type { EscalationPolicy } from './escalation-policy';
import type { CommandMap, EscalationCommand } from './escalation.commands';
import type { EscalationEvent, SignalSnapshot } from './escalation.events';
import { decide } from './decide';
import { initialState } from './escalation.state';
import { replay } from './evolve';

export const T0 = '2026-01-01T00:00:00.000Z';

export const at = (sec: number) =>
  new Date(Date.parse(T0) + sec * 1000).toISOString();

export const l0Policy: EscalationPolicy = {
  level: 'L0_CRITICAL',
  steps: [
    { name: 'primary', recipients: ['security_lead', 'on_call_engineer'] },
    { name: 'secondary', recipients: ['cto', 'ciso'] },
  ],
  ackTimeoutSec: 180,
  repeatEverySec: 300,
  template: 'system_failure',
};

export const signal = (eventId = 'ev-1'): SignalSnapshot => ({
  eventId,
  fingerprint: 'fp-1',
  source: 'gitleaks',
  type: 'secret_scan',
  component: 'payments',
  severity: 'critical',
  occurredAt: T0,
  acceptedAt: T0,
  fields: { secrets_detected: true },
});

export function trigger(
  sec: number,
  over: Partial<CommandMap['TriggerEscalation']> = {},
): EscalationCommand {
  return {
    type: 'TriggerEscalation',
    commandId: `trigger-${sec}`,
    escalationId: 'esc-1',
    now: at(sec),
    fingerprint: 'fp-1',
    level: 'L0_CRITICAL',
    policy: l0Policy,
    reasons: [{ rule: 'secrets_exposed', level: 'L0_CRITICAL' }],
    signal: signal(`ev-${sec}`),
    ...over,
  };
}

/** given events, when command: the events decided. */
export function given(history: EscalationEvent[]) {
  const state = replay(initialState('esc-1'), history);
  return {
    state,
    when: (command: EscalationCommand) => decide(command, state),
  };
}

/** Runs commands one after another, returning all events. */
export function run(commands: EscalationCommand[]): EscalationEvent[] {
  const events: EscalationEvent[] = [];
  for (const c of commands) events.push(...given(events).when(c));
  return events;
}

export const types = (events: EscalationEvent[]) => events.map((e) => e.type);
