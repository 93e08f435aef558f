import type { KeyOwnership } from '@qms/ports';
import { Partitioners, type PartitionMetadata } from 'kafkajs';

const partitioner = Partitioners.DefaultPartitioner();

/** The partition the bus's producer sends `key` to on a topic of `count`. */
export function partitionOf(topic: string, key: string, count: number): number {
  const partitionMetadata = Array.from(
    { length: count },
    (_, partitionId): PartitionMetadata => ({
      partitionErrorCode: 0,
      partitionId,
      leader: 0,
      replicas: [0],
      isr: [0],
      offlineReplicas: [],
    }),
  );
  return partitioner({
    topic,
    partitionMetadata,
    message: { key, value: null },
  });
}

/** The keys a member holding `assigned` of a topic's `count` partitions gets. */
export function keyOwnership(
  topic: string,
  assigned: readonly number[],
  count: number,
): KeyOwnership {
  const held = new Set(assigned);
  return (key) => held.has(partitionOf(topic, key, count));
}
