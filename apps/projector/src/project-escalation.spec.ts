import type { StoredEvent } from '@qms/ports';
import { projectEscalation } from './project-escalation';
import type { EscalationDocument } from './escalation-document';

const at = '2026-01-01T00:00:00.000Z';
let revision = 0;

function stored(type: string, data: Record<string, unknown>): StoredEvent {
  const r = revision++;
  return {
    streamId: 'escalation-e1',
    revision: r,
    position: r + 1,
    id: `id-${r}`,
    type,
    data: { at, ...data },
    recordedAt: at,
  };
}

const raised = () =>
  stored('EscalationRaised', {
    fingerprint: 'fp-1',
    level: 'L0_CRITICAL',
    reasons: [{ rule: 'secrets_exposed', level: 'L0_CRITICAL' }],
    policy: {
      level: 'L0_CRITICAL',
      steps: [{ name: 'primary', recipients: ['ciso'] }],
      ackTimeoutSec: 60,
      template: 't',
    },
    signal: {
      eventId: 'ev',
      fingerprint: 'fp-1',
      source: 'gitleaks',
      type: 'scan',
      component: 'payments',
      severity: 'critical',
      occurredAt: at,
      acceptedAt: at,
      fields: {},
    },
  });

function fold(events: StoredEvent[]): EscalationDocument | undefined {
  return events.reduce<EscalationDocument | undefined>(
    (doc, e) => projectEscalation(doc, e),
    undefined,
  );
}

describe('escalation projection', () => {
  beforeEach(() => (revision = 0));

  it('given a raise, the document is active at its level with a timeline', () => {
    const doc = fold([raised()]);
    expect(doc).toMatchObject({
      id: 'e1',
      status: 'active',
      levelLabel: 'L0',
      component: 'payments',
      occurrences: 1,
    });
    expect(doc?.timeline.map((t) => t.type)).toEqual(['EscalationRaised']);
  });

  it('counts pages and their outcomes', () => {
    const ref = {
      key: 'k',
      channel: 'log',
      recipient: 'ciso',
      step: 0,
      repeat: 0,
      attempt: 1,
    };
    const doc = fold([
      raised(),
      stored('NotificationRequested', {
        step: 0,
        repeat: 0,
        recipients: ['ciso'],
      }),
      stored('NotificationDelivered', ref),
      stored('NotificationFailed', {
        ...ref,
        code: 'X',
        reason: 'r',
        final: true,
      }),
    ]);
    expect(doc?.notifications).toEqual({
      requested: 1,
      delivered: 1,
      failed: 1,
    });
  });

  it('follows acknowledge, resolve, reopen and close', () => {
    const events = [
      raised(),
      stored('EscalationAcknowledged', { by: 'jane', via: 'api' }),
    ];
    expect(fold(events)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'jane',
    });
    events.push(stored('EscalationResolved', { by: 'am', via: 'signal' }));
    expect(fold(events)?.status).toBe('resolved');
    events.push(stored('EscalationReopened', {}));
    expect(fold(events)).toMatchObject({ status: 'active', occurrences: 2 });
    events.push(stored('EscalationClosed', { by: 'jane', via: 'api' }));
    expect(fold(events)?.status).toBe('closed');
  });

  it('ignores an event it has already applied', () => {
    const first = raised();
    const ack = stored('EscalationAcknowledged', { by: 'jane', via: 'api' });
    const doc = fold([first, ack]);
    expect(projectEscalation(doc, ack)).toBe(doc);
  });

  it('keeps unknown event types on the timeline without failing', () => {
    const doc = fold([raised(), stored('SomethingNewer', { x: 1 })]);
    expect(doc).toMatchObject({ status: 'active', version: 1 });
    expect(doc?.timeline.map((t) => t.type)).toContain('SomethingNewer');
  });
});
