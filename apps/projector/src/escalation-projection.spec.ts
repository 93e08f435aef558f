import {
  SqliteDatabase,
  SqliteDocumentStore,
  SqliteEventStore,
} from '@qms/sqlite';
import { ESCALATIONS, type EscalationDocument } from './escalation-document';
import { projectBatch, rebuildProjection } from './escalation-projection';

const at = '2026-01-01T00:00:00.000Z';
const raised = (id: string) => ({
  id: `${id}-0`,
  type: 'EscalationRaised',
  data: {
    at,
    fingerprint: `fp-${id}`,
    level: 'L1_IMMEDIATE',
    reasons: [],
    policy: {
      level: 'L1_IMMEDIATE',
      steps: [],
      ackTimeoutSec: 60,
      template: 't',
    },
    signal: {
      eventId: 'e',
      fingerprint: `fp-${id}`,
      source: 's',
      type: 't',
      component: 'c',
      severity: 'critical',
      occurredAt: at,
      acceptedAt: at,
      fields: {},
    },
  },
});
const acked = (id: string) => ({
  id: `${id}-1`,
  type: 'EscalationAcknowledged',
  data: { at, by: 'jane', via: 'api' },
});

describe('escalation read model rebuild', () => {
  it('replays the store into the same documents, dropping stale ones', async () => {
    const sqlite = new SqliteDatabase(':memory:');
    const store = new SqliteEventStore(sqlite);
    const docs = new SqliteDocumentStore(sqlite);
    await store.append('escalation-a', [raised('a'), acked('a')], -1);
    await store.append('escalation-b', [raised('b')], -1);
    await projectBatch(docs, await store.readAll(0, 100));
    const before = await docs
      .collection<EscalationDocument>(ESCALATIONS)
      .find({});
    await docs.write([
      { collection: ESCALATIONS, id: 'stale', doc: { id: 'stale' } },
    ]);

    const seen: number[] = [];
    const projected = await rebuildProjection(store, docs, (n) => seen.push(n));

    const after = await docs
      .collection<EscalationDocument>(ESCALATIONS)
      .find({});
    expect(projected).toBe(3);
    expect(seen).toEqual([3]);
    expect(after).toEqual(before);
    expect(after.find((d) => d.id === 'a')?.status).toBe('acknowledged');
    await sqlite.close();
  });
});
