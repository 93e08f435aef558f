import type { EscalationCommand } from '@qms/domain';
import { silentLogger } from '@qms/ports';
import { SqliteDatabase, SqliteEventStore } from '@qms/sqlite';
import { handleCommand, successorOf } from './command-handler';
import { EscalationRepository, streamOf } from './escalation-repository';

const NOW = '2026-01-01T00:00:00.000Z';

function trigger(signalId: string, escalationId = 'esc-1'): EscalationCommand {
  return {
    type: 'TriggerEscalation',
    commandId: `trigger:${signalId}`,
    escalationId,
    now: NOW,
    fingerprint: 'fp-1',
    level: 'L1_IMMEDIATE',
    policy: {
      level: 'L1_IMMEDIATE',
      steps: [{ name: 'primary', recipients: ['team_lead'] }],
      ackTimeoutSec: 600,
      template: 'alert',
    },
    reasons: [{ rule: 'alert_critical', level: 'L1_IMMEDIATE' }],
    signal: {
      eventId: signalId,
      fingerprint: 'fp-1',
      source: 'alertmanager',
      type: 'HighLatency',
      component: 'api',
      severity: 'critical',
      occurredAt: NOW,
      acceptedAt: NOW,
      fields: {},
    },
  };
}

const close: EscalationCommand = {
  type: 'CloseEscalation',
  commandId: 'close-1',
  escalationId: 'esc-1',
  now: NOW,
  by: 'someone',
  via: 'api',
};

describe('handleCommand', () => {
  let sqlite: SqliteDatabase;
  let store: SqliteEventStore;
  let repository: EscalationRepository;
  const handle = (c: EscalationCommand) =>
    handleCommand(c, repository, silentLogger);

  beforeEach(async () => {
    sqlite = new SqliteDatabase(':memory:');
    store = new SqliteEventStore(sqlite);
    repository = new EscalationRepository(store);
    await handle(trigger('a'));
    await handle(close);
  });

  afterEach(() => sqlite.close());

  it('sends every trigger a closed escalation refuses to one successor', async () => {
    const first = await handle(trigger('b'));
    const second = await handle(trigger('c'));

    const successor = successorOf('esc-1');
    expect(first).toMatchObject({ outcome: 'appended' });
    expect(second).toMatchObject({ outcome: 'appended' });
    const events = await store.readStream(streamOf(successor));
    expect(events.map((e) => e.type)).toEqual([
      'EscalationRaised',
      'NotificationRequested',
      'OccurrenceRecorded',
    ]);
  });

  it('raises the successor once when the same trigger comes again', async () => {
    await handle(trigger('b'));
    const again = await handle(trigger('b'));

    expect(again).toEqual({ outcome: 'unchanged' });
    const events = await store.readStream(streamOf(successorOf('esc-1')));
    expect(events).toHaveLength(2);
  });
});
