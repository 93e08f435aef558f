import { uniqueName } from '@qms/testing';
import { streamThrough, type StreamReport } from './alert-stream.fixture';
import {
  awaitEscalations,
  awaitPages,
  firstPageKeys,
  judgeOnceEach,
} from './distributed-checks.fixture';
import { DistributedSystem } from './distributed.fixture';
import {
  waitForMembers,
  type ConsumerGroup,
  type GroupMember,
} from './kafka-groups.fixture';

const ALERTS = 300;
/**
 * About 5 alerts a second from 4 senders, within what this system pages
 * on a 2-core machine; the stream outlasts each fault.
 */
const PACE = { count: ALERTS, clients: 4, pauseMs: 1200, deadlineMs: 300_000 };
const RULES = ['rule-evaluator.qms.events.v1', 'qms.events.v1'] as const;
const NOTIFIERS = [
  'notifier.qms.escalation-events.v1',
  'qms.escalation-events.v1',
] as const;

/**
 * Crashes and a broker restart while alerts flow, against one distributed
 * system with two rule-evaluators and two notifiers in their groups. Each
 * test owns a component, so the tests do not see each other's alerts.
 */
describe('distributed mode under faults', () => {
  let system: DistributedSystem | undefined;

  beforeAll(async () => {
    // A killed member's partitions move once its session times out.
    const env = { KAFKA_SESSION_TIMEOUT_MS: '10000' };
    system = await DistributedSystem.start({ env });
    await Promise.all([
      system.start('rule-evaluator', 'rule-evaluator-2'),
      system.start('notifier', 'notifier-2'),
    ]);
  }, 240_000);

  afterAll(() => system?.stop(), 120_000);

  it('kill -9 of a rule-evaluator and a notifier mid-stream: each alert escalates once and pages once', async () => {
    const s = running();
    const rules = groupOf(s, RULES);
    const notifiers = groupOf(s, NOTIFIERS);
    const [ruleMembers, notifierMembers] = await Promise.all([
      waitForMembers(rules, ['rule-evaluator', 'rule-evaluator-2']),
      waitForMembers(notifiers, ['notifier', 'notifier-2']),
    ]);
    const killedRules = named(ruleMembers, 'rule-evaluator');
    const killedNotifier = named(notifierMembers, 'notifier');
    const component = uniqueName('int-kill');

    const report = await streamThrough(
      (i) => postAlert(s, component, i),
      PACE,
      ALERTS / 4,
      async () => {
        await Promise.all([s.kill('rule-evaluator'), s.kill('notifier')]);
        // A supervisor brings the notifier back: sends the kill cut off
        // are its own to resume, from its own outbox.
        await s.restart('notifier');
        // The survivor takes every partition of the killed evaluator.
        await waitForMembers(rules, ['rule-evaluator-2'], killedRules);
        await s.restart('rule-evaluator');
        await Promise.all([
          waitForMembers(rules, ['rule-evaluator', 'rule-evaluator-2']),
          waitForMembers(notifiers, ['notifier', 'notifier-2'], killedNotifier),
        ]);
      },
    );

    await expectEachEscalatedAndPagedOnce(s, component, report);
  }, 420_000);

  it('a broker restart mid-stream: retried alerts escalate once and page once', async () => {
    const s = running();
    const component = uniqueName('int-broker');

    const report = await streamThrough(
      (i) => postAlert(s, component, i),
      PACE,
      ALERTS / 4,
      () => s.restartBroker(),
    );

    await expectEachEscalatedAndPagedOnce(s, component, report);
  }, 420_000);

  function running(): DistributedSystem {
    if (!system) throw new Error('the distributed system did not start');
    return system;
  }
});

function groupOf(
  s: DistributedSystem,
  [groupId, topic]: readonly [string, string],
): ConsumerGroup {
  return { brokers: s.kafkaBrokers, groupId, topic };
}

function named(members: GroupMember[], clientId: string): GroupMember[] {
  return members.filter((m) => m.clientId === clientId);
}

const fingerprintOf = (component: string, i: number) => `${component}-${i}`;

/**
 * A one-alert Alertmanager webhook, critical: L1, three people paged. A
 * resend maps to the same signal id.
 */
function postAlert(s: DistributedSystem, component: string, i: number) {
  const labels = {
    alertname: 'IntFault',
    severity: 'critical',
    service: component,
    shard: String(i),
  };
  return post(`${s.intakeUrl}/v1/integrations/alertmanager`, {
    version: '4',
    status: 'firing',
    receiver: 'qms',
    groupKey: `{}:{shard="${i}"}`,
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary: `shard ${i} is down` },
        startsAt: '2026-01-01T00:00:00Z',
        fingerprint: fingerprintOf(component, i),
      },
    ],
  });
}

async function post(url: string, body: object): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Every accepted alert has exactly one escalation, counted once, and each
 * of its first-page deliveries is in exactly one line across the
 * notifiers' outbox files. The services' logs go to stderr on failure.
 */
async function expectEachEscalatedAndPagedOnce(
  s: DistributedSystem,
  component: string,
  report: StreamReport,
): Promise<void> {
  expect(report.lost).toEqual([]);
  const fingerprints = report.accepted.map((i) => fingerprintOf(component, i));
  const escalations = await awaitEscalations(s.apiUrl, component, fingerprints);
  const keys = firstPageKeys(escalations);
  const outbox = await awaitPages(() => s.dataDirs('notifier'), keys);

  const verdict = judgeOnceEach(fingerprints, escalations, outbox);

  if (Object.values(verdict).some((problems) => problems.length > 0))
    process.stderr.write(`${s.logs()}\n`);
  expect(fingerprints.length).toBeGreaterThanOrEqual(ALERTS);
  expect(verdict).toEqual({
    withoutEscalation: [],
    withSeveral: [],
    countedTwice: [],
    unpaged: [],
    unrecorded: [],
    pagedTwice: [],
  });
}
