import { Metrics, Readiness } from '@qms/observability';
import { silentLogger, systemClock, TOPICS, type BusMessage } from '@qms/ports';
import { SqliteDatabase, SqliteMessageBus } from '@qms/sqlite';
import { waitFor } from '@qms/testing';
import { IngestTopicConsumer } from './ingest-topic.consumer';
import { IntakeService } from './intake.service';

function upstream(id: string, payload: unknown) {
  return {
    id,
    topic: TOPICS.ingest,
    key: id,
    type: 'NativeEvent',
    schemaVersion: 1,
    payload,
  };
}

describe('the qms.ingest.v1 consumer', () => {
  it('passes valid upstream events on and dead-letters invalid ones with code and path', async () => {
    const sqlite = new SqliteDatabase(':memory:');
    const bus = new SqliteMessageBus(sqlite);
    const intake = new IntakeService(
      bus,
      systemClock,
      new Metrics(),
      silentLogger,
    );
    const consumer = new IngestTopicConsumer(
      bus,
      new Readiness(),
      silentLogger,
      intake,
    );
    const seen: Record<string, BusMessage[]> = { accepted: [], dead: [] };
    const follow = (topic: string, into: BusMessage[]) =>
      bus.subscribe({
        topic,
        group: 't',
        handler: async (b) => void into.push(...b),
      });
    await follow(TOPICS.events, seen.accepted);
    await follow(`${TOPICS.ingest}.dlq`, seen.dead);
    await consumer.onApplicationBootstrap();

    await bus.publish([
      upstream('good', {
        type: 'scan',
        source: 'ci',
        component: 'api',
        severity: 'high',
      }),
      upstream('bad', { type: 'scan', source: 'ci', severity: 'high' }),
    ]);

    await waitFor(() => seen.accepted.length === 1 && seen.dead.length === 1);
    expect(seen.accepted[0].payload).toMatchObject({
      id: 'good',
      component: 'api',
    });
    expect(seen.dead[0].payload).toMatchObject({
      error: { code: 'FIELD_REQUIRED', path: '/component' },
      original: { id: 'bad' },
    });
    await consumer.onApplicationShutdown();
    await bus.close();
    await sqlite.close();
  });
});
