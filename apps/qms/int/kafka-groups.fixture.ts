import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { waitFor } from '@qms/testing';

/** A member: its client id (the service's QMS_INSTANCE_ID), partitions. */
export interface GroupMember {
  memberId: string;
  clientId: string;
  partitions: number[];
}

/** A consumer group of one topic, as the services name them. */
export interface ConsumerGroup {
  brokers: string;
  groupId: string;
  topic: string;
}

/**
 * The members of a consumer group and the partitions of its topic each
 * holds, once the group is Stable; undefined while it rebalances.
 */
export async function groupMembers(
  group: ConsumerGroup,
): Promise<GroupMember[] | undefined> {
  const admin = new Kafka({
    brokers: [group.brokers],
    clientId: 'qms-int-groups',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([group.groupId]);
    if (groups[0]?.state !== 'Stable') return undefined;
    return groups[0].members.map((member) => {
      const decoded = AssignerProtocol.MemberAssignment.decode(
        member.memberAssignment,
      );
      const partitions = [...(decoded?.assignment[group.topic] ?? [])];
      const { memberId, clientId } = member;
      return { memberId, clientId, partitions: partitions.sort() };
    });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until the group's members are exactly `clientIds`, none of them
 * one of the `gone` members (a killed process keeps its client id), and
 * each holds a partition; a timeout tells what it saw last.
 */
export async function waitForMembers(
  group: ConsumerGroup,
  clientIds: string[],
  gone: GroupMember[] = [],
  timeoutMs = 90_000,
): Promise<GroupMember[]> {
  let last: GroupMember[] | undefined;
  const expected = [...clientIds].sort().join(',');
  const goneIds = new Set(gone.map((m) => m.memberId));
  const holds = async () => {
    last = await groupMembers(group);
    if (!last || last.some((m) => goneIds.has(m.memberId))) return false;
    const members = last.map((m) => m.clientId).sort();
    return (
      members.join(',') === expected && last.every((m) => m.partitions.length)
    );
  };
  try {
    await waitFor(holds, { timeoutMs, intervalMs: 500 });
  } catch (error) {
    const seen = JSON.stringify(last);
    const want = `${expected} with partitions`;
    throw new Error(`${group.groupId}: want ${want}, saw ${seen}`, {
      cause: error,
    });
  }
  return last ?? [];
}
