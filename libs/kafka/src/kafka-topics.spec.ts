import { silentLogger } from '@qms/ports';
import type { Admin, ITopicConfig } from 'kafkajs';
import { KafkaTopics } from './kafka-topics';

/** The two admin calls KafkaTopics makes, against an in-memory cluster. */
function fakeAdmin(existing: string[]) {
  const topics = new Map(existing.map((t) => [t, 3]));
  const created: ITopicConfig[][] = [];
  const admin = {
    listTopics: async () => [...topics.keys()],
    createTopics: async ({ topics: wanted }: { topics: ITopicConfig[] }) => {
      created.push(wanted);
      for (const t of wanted) topics.set(t.topic, t.numPartitions ?? 1);
      return true;
    },
  };
  return { admin: admin as unknown as Admin, created, topics };
}

describe('KafkaTopics', () => {
  it('creates a missing topic together with its dead-letter topic', async () => {
    const { admin, created } = fakeAdmin([]);
    const topics = new KafkaTopics(async () => admin, silentLogger);

    await topics.ensure(['qms.events.v1'], 6);

    expect(created).toEqual([
      [
        { topic: 'qms.events.v1', numPartitions: 6 },
        { topic: 'qms.events.v1.dlq', numPartitions: 6 },
      ],
    ]);
  });

  it('creates only what is missing, and a dead-letter topic gets no twin', async () => {
    const { admin, created } = fakeAdmin(['qms.events.v1']);
    const topics = new KafkaTopics(async () => admin, silentLogger);

    await topics.ensure(['qms.events.v1', 'qms.rule-matches.v1.dlq'], 3);

    expect(created.flat().map((t) => t.topic)).toEqual([
      'qms.events.v1.dlq',
      'qms.rule-matches.v1.dlq',
    ]);
  });

  it('asks the cluster once per topic, even for concurrent first uses', async () => {
    const { admin, created } = fakeAdmin([]);
    const topics = new KafkaTopics(async () => admin, silentLogger);

    await Promise.all([
      topics.ensure(['qms.events.v1'], 3),
      topics.ensure(['qms.events.v1'], 3),
    ]);
    await topics.ensure(['qms.events.v1'], 3);

    expect(created).toHaveLength(1);
  });
});
