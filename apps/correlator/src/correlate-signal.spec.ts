import type { QmsEvent, SignalAction, SignalEvaluated } from '@qms/domain';
import { correlateSignal, type CorrelationView } from './correlate-signal';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const iso = (sec: number) => new Date(T0 + sec * 1000).toISOString();
const opts = {
  newEscalationId: (seed: string) => `esc-${seed}`,
  resolveWindowSec: 300,
};

function signal(
  id: string,
  action: SignalAction,
  sec: number,
  startedSec = sec,
): SignalEvaluated {
  const event: QmsEvent = {
    id,
    type: 'HighLatency',
    source: 'alertmanager',
    component: 'api',
    severity: 'critical',
    action,
    fingerprint: 'fp-1',
    occurredAt: iso(startedSec),
    acceptedAt: iso(sec),
    fields: {},
  };
  if (action !== 'trigger') return { event, reasons: [] };
  const policy = {
    level: 'L1_IMMEDIATE' as const,
    steps: [{ name: 'primary' as const, recipients: ['team_lead'] }],
    ackTimeoutSec: 600,
    template: 'alert',
  };
  return {
    event,
    reasons: [{ rule: 'alert_critical', level: 'L1_IMMEDIATE' }],
    level: 'L1_IMMEDIATE',
    policy,
  };
}

describe('correlateSignal', () => {
  it('raises a new escalation with an id derived from the signal', () => {
    const result = correlateSignal(signal('a', 'trigger', 0), {}, opts);
    expect(result.commands).toEqual([
      expect.objectContaining({
        type: 'TriggerEscalation',
        escalationId: 'esc-a',
        commandId: 'trigger:a',
      }),
    ]);
    expect(result.entry).toEqual({
      fingerprint: 'fp-1',
      escalationId: 'esc-a',
      status: 'open',
    });
  });

  it('sends a re-firing signal to the open escalation of its fingerprint', () => {
    const view: CorrelationView = {
      entry: { fingerprint: 'fp-1', escalationId: 'esc-a', status: 'open' },
    };
    const [command] = correlateSignal(
      signal('b', 'trigger', 10),
      view,
      opts,
    ).commands;
    expect(command.escalationId).toBe('esc-a');
  });

  it('sends a trigger after close to the closed escalation, which hands it on', () => {
    const view: CorrelationView = {
      entry: { fingerprint: 'fp-1', escalationId: 'esc-a', status: 'closed' },
    };
    const result = correlateSignal(signal('c', 'trigger', 10), view, opts);
    expect(result.commands[0].escalationId).toBe('esc-a');
    expect(result.entry).toBeUndefined();
  });

  it('keeps a resolve that has nothing to resolve, and resolves a trigger that started before it', () => {
    const early = correlateSignal(signal('r', 'resolve', 0), {}, opts);
    expect(early.commands).toEqual([]);
    expect(early.pending).toMatchObject({ eventId: 'r', at: iso(0) });
    const late = correlateSignal(
      signal('t', 'trigger', 5, -60),
      { pending: early.pending! },
      opts,
    );
    expect(late.commands[0]).toMatchObject({
      resolvedBeforeArrival: { eventId: 'r' },
    });
    expect(late.pending).toBeNull();
  });

  it('does not apply a kept resolve to a trigger that started after it', () => {
    const early = correlateSignal(signal('r', 'resolve', 0), {}, opts);
    const later = correlateSignal(
      signal('t', 'trigger', 30),
      { pending: early.pending! },
      opts,
    );
    expect(later.commands[0]).not.toHaveProperty(
      'resolvedBeforeArrival.eventId',
    );
  });

  it('forgets a kept resolve after its window', () => {
    const early = correlateSignal(signal('r', 'resolve', 0), {}, opts);
    const late = correlateSignal(
      signal('t', 'trigger', 301, -60),
      { pending: early.pending! },
      opts,
    );
    expect(late.commands[0]).not.toHaveProperty(
      'resolvedBeforeArrival.eventId',
    );
  });

  it('routes acknowledge and resolve to the open escalation', () => {
    const view: CorrelationView = {
      entry: { fingerprint: 'fp-1', escalationId: 'esc-a', status: 'open' },
    };
    expect(
      correlateSignal(signal('k', 'acknowledge', 5), view, opts).commands[0],
    ).toMatchObject({
      type: 'AcknowledgeEscalation',
      escalationId: 'esc-a',
      via: 'signal',
    });
    expect(
      correlateSignal(signal('z', 'resolve', 6), view, opts).commands[0],
    ).toMatchObject({
      type: 'ResolveEscalation',
      escalationId: 'esc-a',
    });
  });

  it('escalates nothing for a signal no rule matched', () => {
    const unmatched = {
      ...signal('u', 'trigger', 0),
      reasons: [],
      level: undefined,
      policy: undefined,
    };
    expect(correlateSignal(unmatched, {}, opts).commands).toEqual([]);
  });

  it('ignores a PagerDuty resolve for a key with no escalation, as PagerDuty does', () => {
    const resolve = signal('r', 'resolve', 0);
    const fromPagerDuty = {
      ...resolve,
      event: { ...resolve.event, source: 'pagerduty' },
    };
    expect(correlateSignal(fromPagerDuty, {}, opts)).toEqual({ commands: [] });
  });
});
