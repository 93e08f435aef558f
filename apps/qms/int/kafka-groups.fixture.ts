import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { waitFor } from '@qms/testing';

/** Partitions per member, by client id (the service's QMS_INSTANCE_ID). */
export type GroupAssignment = Record<string, number[]>;

/**
 * The members of a consumer group and the partitions of `topic` each
 * holds, once the group is Stable; undefined while it rebalances.
 */
export async function groupAssignment(
  brokers: string,
  groupId: string,
  topic: string,
): Promise<GroupAssignment | undefined> {
  const admin = new Kafka({
    brokers: [brokers],
    clientId: 'qms-int-groups',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const [group] = groups;
    if (group?.state !== 'Stable') return undefined;
    const held: GroupAssignment = {};
    for (const member of group.members) {
      const decoded = AssignerProtocol.MemberAssignment.decode(
        member.memberAssignment,
      );
      held[member.clientId] = [...(decoded?.assignment[topic] ?? [])].sort();
    }
    return held;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until exactly `clientIds` are the group's members and each holds
 * at least one partition of `topic`.
 */
export async function waitForMembers(
  brokers: string,
  groupId: string,
  topic: string,
  clientIds: string[],
  timeoutMs = 60_000,
): Promise<GroupAssignment> {
  let last: GroupAssignment | undefined;
  const expected = [...clientIds].sort().join(',');
  await waitFor(
    async () => {
      last = await groupAssignment(brokers, groupId, topic);
      if (!last || Object.keys(last).sort().join(',') !== expected)
        return false;
      return Object.values(last).every((p) => p.length > 0);
    },
    {
      timeoutMs,
      intervalMs: 500,
      description: `${groupId} members ${expected}, each with partitions (last: ${JSON.stringify(last)})`,
    },
  );
  return last as GroupAssignment;
}
