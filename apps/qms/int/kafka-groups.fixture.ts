import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { waitFor } from '@qms/testing';

/** A member by client id (the service's QMS_INSTANCE_ID) and its partitions. */
export interface GroupMember {
  clientId: string;
  partitions: number[];
}

/**
 * The members of a consumer group and the partitions of `topic` each
 * holds, once the group is Stable; undefined while it rebalances.
 */
export async function groupAssignment(
  brokers: string,
  groupId: string,
  topic: string,
): Promise<GroupMember[] | undefined> {
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
    return group.members.map((member) => {
      const decoded = AssignerProtocol.MemberAssignment.decode(
        member.memberAssignment,
      );
      const partitions = [...(decoded?.assignment[topic] ?? [])];
      return { clientId: member.clientId, partitions: partitions.sort() };
    });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until exactly `clientIds` are the group's members and each holds
 * at least one partition of `topic`; a timeout tells what it saw last.
 */
export async function waitForMembers(
  brokers: string,
  groupId: string,
  topic: string,
  clientIds: string[],
  timeoutMs = 60_000,
): Promise<GroupMember[]> {
  let last: GroupMember[] | undefined;
  const expected = [...clientIds].sort().join(',');
  const holds = async () => {
    last = await groupAssignment(brokers, groupId, topic);
    const members = last
      ?.map((m) => m.clientId)
      .sort()
      .join(',');
    return members === expected && !!last?.every((m) => m.partitions.length);
  };
  try {
    await waitFor(holds, { timeoutMs, intervalMs: 500 });
  } catch (error) {
    const seen = JSON.stringify(last);
    throw new Error(
      `${groupId}: want ${expected} with partitions, saw ${seen}`,
      {
        cause: error,
      },
    );
  }
  return last ?? [];
}
