import { uniqueName, waitFor } from '@qms/testing';
import { streamAlerts, type StreamReport } from './alert-stream.fixture';
import {
  awaitEscalations,
  awaitPages,
  countByFingerprint,
  firstPageKeys,
  type ListedEscalation,
  type OutboxKeys,
} from './distributed-checks.fixture';
import { DistributedSystem } from './distributed.fixture';
import { waitForMembers } from './kafka-groups.fixture';

const ALERTS = 300;
/** About 10 alerts a second: the stream outlasts each fault. */
const PACE = { count: ALERTS, clients: 4, pauseMs: 400, deadlineMs: 180_000 };
const RULES_GROUP = ['rule-evaluator.qms.events.v1', 'qms.events.v1'] as const;
const NOTIFIER_GROUP = [
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
    await waitForBothMembers(s);
    const component = uniqueName('int-kill');
    const progress = { accepted: 0, faulting: true };

    const stream = streamAlerts((i) => postNative(s, component, i), {
      ...PACE,
      keepGoing: () => progress.faulting,
      onAccepted: (n) => (progress.accepted = n),
    });
    await waitFor(() => progress.accepted >= ALERTS / 4, { timeoutMs: 60_000 });
    await Promise.all([s.kill('rule-evaluator'), s.kill('notifier')]);
    await waitForMembersOf(s, RULES_GROUP, ['rule-evaluator-2']);
    await waitForMembersOf(s, NOTIFIER_GROUP, ['notifier-2']);
    await Promise.all([s.restart('rule-evaluator'), s.restart('notifier')]);
    progress.faulting = false;
    const report = await stream;

    await expectEachEscalatedAndPagedOnce(s, component, report);
    await waitForBothMembers(s);
  }, 300_000);

  it('a broker restart mid-stream: retried alerts escalate once and page once', async () => {
    const s = running();
    const component = uniqueName('int-broker');
    const progress = { accepted: 0, faulting: true };

    const stream = streamAlerts((i) => postAlertmanager(s, component, i), {
      ...PACE,
      keepGoing: () => progress.faulting,
      onAccepted: (n) => (progress.accepted = n),
    });
    await waitFor(() => progress.accepted >= ALERTS / 4, { timeoutMs: 60_000 });
    await s.restartBroker();
    progress.faulting = false;
    const report = await stream;

    await expectEachEscalatedAndPagedOnce(s, component, report);
  }, 300_000);

  function running(): DistributedSystem {
    if (!system) throw new Error('the distributed system did not start');
    return system;
  }
});

/** Both instances of each scaled app hold partitions before any fault. */
async function waitForBothMembers(s: DistributedSystem): Promise<void> {
  await Promise.all([
    waitForMembersOf(s, RULES_GROUP, ['rule-evaluator', 'rule-evaluator-2']),
    waitForMembersOf(s, NOTIFIER_GROUP, ['notifier', 'notifier-2']),
  ]);
}

function waitForMembersOf(
  s: DistributedSystem,
  [group, topic]: readonly [string, string],
  members: string[],
) {
  return waitForMembers(s.kafkaBrokers, group, topic, members);
}

const fingerprintOf = (component: string, i: number) => `${component}-${i}`;

/** A native event that the critical_defects rule matches (L1). */
function postNative(s: DistributedSystem, component: string, i: number) {
  return post(`${s.intakeUrl}/v1/events`, {
    type: 'defect_report',
    source: 'int-faults',
    component,
    severity: 'critical',
    defect_severity: 'critical',
    defect_count: 1,
    fingerprint: fingerprintOf(component, i),
  });
}

/** A one-alert Alertmanager webhook, critical (L1); a resend is the same. */
function postAlertmanager(s: DistributedSystem, component: string, i: number) {
  const labels = {
    alertname: 'IntBrokerRestart',
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
 * Nothing lost, nothing doubled: every accepted alert has exactly one
 * escalation, counted once, and each of its first-page deliveries is in
 * exactly one line across the notifiers' outbox files.
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

  const verdict = judge(fingerprints, escalations, keys, outbox);

  if (!isClean(verdict)) process.stderr.write(`${s.logs()}\n`);
  expect(fingerprints.length).toBeGreaterThanOrEqual(ALERTS);
  expect(verdict).toEqual({
    withoutEscalation: [],
    withSeveral: [],
    countedTwice: [],
    unpaged: [],
    pagedTwice: [],
  });
}

function judge(
  fingerprints: string[],
  escalations: ListedEscalation[],
  keys: string[],
  outbox: OutboxKeys,
) {
  const raised = countByFingerprint(escalations);
  return {
    withoutEscalation: fingerprints.filter((f) => !raised.has(f)),
    withSeveral: [...raised].filter(([, n]) => n > 1).map(([f]) => f),
    countedTwice: escalations
      .filter((e) => e.occurrences !== 1)
      .map((e) => `${e.fingerprint}: ${e.occurrences}`),
    unpaged: keys.filter((k) => !outbox.counts.has(k)),
    pagedTwice: keys
      .filter((k) => (outbox.counts.get(k) ?? 0) > 1)
      .map((k) => `${k} x${outbox.counts.get(k)}`),
  };
}

function isClean(verdict: ReturnType<typeof judge>): boolean {
  return Object.values(verdict).every((problems) => problems.length === 0);
}
