import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { streamEvents } from './support/event-stream';
import { duplicateKeys, readOutbox } from './support/outbox';
import { holdsFor, pollUntil } from './support/poll';
import type { Escalation, QmsClient } from './support/qms-client';
import { clientOf, closeProcess, describeLocal } from './support/qms-target';
import { startQms, type QmsProcess } from './support/qms-process';
import { uniqueTag } from './support/samples';

const EVENTS = 400;
const CLIENTS = 8;
const SETTLE_MS = 60_000;

describeLocal('kill -9 under load', () => {
  let qms: QmsProcess;
  let client: QmsClient;
  const component = uniqueTag('crash');

  beforeAll(async () => {
    qms = await startQms({ env: { LOG_LEVEL: 'warn' } });
    client = clientOf(qms);
  });

  afterAll(() => qms && closeProcess(qms));

  /** Critical defects (L1): distinct fingerprints, half with a client id. */
  const events = Array.from({ length: EVENTS }, (_, i) => ({
    ...(i % 2 === 0 ? { id: randomUUID() } : {}),
    type: 'defect_report',
    source: 'crash-test',
    component,
    severity: 'critical',
    defect_severity: 'critical',
    defect_count: 1,
    fingerprint: `${component}-${i}`,
  }));

  const outboxSize = () => {
    const file = join(qms.dataDir, 'outbox.jsonl');
    return existsSync(file) ? statSync(file).size : 0;
  };

  /** Kills the process once the outbox grows past `size`. */
  async function killWhenOutboxGrows(size: number): Promise<void> {
    await pollUntil(() => (outboxSize() > size ? true : undefined), {
      timeoutMs: 20_000,
      intervalMs: 2,
      what: 'new outbox lines to kill the process on',
    });
    await qms.kill('SIGKILL');
  }

  /** Round 1: the whole stream, killed after a random third to two thirds. */
  async function sendAndCrash(): Promise<number[]> {
    const killAt = randomInt(
      Math.ceil(EVENTS / 3),
      Math.ceil((2 * EVENTS) / 3),
    );
    let killed: Promise<void> | undefined;
    const failed = await streamEvents(client, events, {
      clients: CLIENTS,
      onAccepted: (n) => {
        if (n === killAt) killed = qms.kill('SIGKILL');
      },
    });
    await killed;
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThanOrEqual(EVENTS - killAt);
    return failed;
  }

  /** Round 2: re-sends, killed as the first new pages are written. */
  async function resendAndCrashWhilePaging(indexes: number[]) {
    const killed = killWhenOutboxGrows(outboxSize());
    const failed = await streamEvents(
      client,
      indexes.map((i) => events[i]),
      { clients: CLIENTS },
    );
    await killed;
    return failed.map((j) => indexes[j]);
  }

  async function everyFingerprintEscalated(): Promise<Escalation[]> {
    return pollUntil(
      async () => {
        const items = await client.escalations({ component });
        return items.length >= EVENTS ? items : undefined;
      },
      { timeoutMs: SETTLE_MS, what: `${EVENTS} escalations of ${component}` },
    );
  }

  /** Each escalation's missing first-step pages (key without channel). */
  function missingFirstPages(escalations: Escalation[]): string[] {
    const written = new Set(
      readOutbox(qms.dataDir).lines.map(
        (l) => `${l.escalationId}:${l.step}:${l.repeat}:${l.recipient}`,
      ),
    );
    return escalations.flatMap((e) =>
      e.steps[0].recipients
        .map((r) => `${e.id}:0:0:${r}`)
        .filter((page) => !written.has(page)),
    );
  }

  it('keeps every accepted signal and every page, and duplicates none', async () => {
    const afterFirstCrash = await sendAndCrash();
    await qms.restart();
    const afterSecondCrash = await resendAndCrashWhilePaging(afterFirstCrash);
    await qms.restart();

    const stillFailed = await streamEvents(
      client,
      afterSecondCrash.map((i) => events[i]),
      { clients: CLIENTS },
    );

    expect(stillFailed).toEqual([]);
    const escalations = await everyFingerprintEscalated();
    const fingerprints = escalations.map((e) => e.fingerprint).sort();
    expect(fingerprints).toEqual(events.map((e) => e.fingerprint).sort());
    const withClientId = new Set(
      events.filter((e) => 'id' in e).map((e) => e.fingerprint),
    );
    const countedTwice = escalations.filter(
      (e) => withClientId.has(e.fingerprint) && e.occurrences !== 1,
    );
    expect(countedTwice).toEqual([]);
    await pollUntil(
      () => (missingFirstPages(escalations).length === 0 ? true : undefined),
      { timeoutMs: SETTLE_MS, what: 'every first-step page in the outbox' },
    );
    await holdsFor(async () => {
      const duplicates = duplicateKeys(readOutbox(qms.dataDir).lines);
      if (Object.keys(duplicates).length)
        return `keys written twice: ${JSON.stringify(duplicates)}`;
      const now = await client.escalations({ component });
      return now.length === EVENTS ? undefined : `${now.length} escalations`;
    }, 1000);
  }, 150_000);
});
