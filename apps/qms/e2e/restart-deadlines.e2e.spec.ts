import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countOf, escalationFor } from './support/escalation-waits';
import {
  duplicateKeys,
  expectedPages,
  linesOf,
  pages,
  readOutbox,
} from './support/outbox';
import { holdsFor, pollUntil } from './support/poll';
import type { QmsClient } from './support/qms-client';
import { clientOf, closeProcess, describeLocal } from './support/qms-target';
import { startQms, type QmsProcess } from './support/qms-process';
import { uniqueTag } from './support/samples';
import { fastL0, writeTestConfig } from './support/test-config';

const ACK_TIMEOUT_SEC = 3;

describeLocal('deadlines across a restart', () => {
  let qms: QmsProcess;
  let client: QmsClient;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qms-e2e-restart-'));
    const config = writeTestConfig(
      dataDir,
      fastL0(
        `${ACK_TIMEOUT_SEC} seconds`,
        'every 5 minutes until acknowledged',
      ),
    );
    qms = await startQms({ config, dataDir });
    client = clientOf(qms);
  });

  afterAll(() => qms && closeProcess(qms));

  it('pages the step that fell due while the system was down, exactly once', async () => {
    const fingerprint = uniqueTag('restart');
    await client.event({
      type: 'secret_scan',
      source: 'gitleaks',
      component: 'restart-repo',
      severity: 'critical',
      credentials_leaked: true,
      fingerprint,
    });
    const raised = await escalationFor(
      client,
      fingerprint,
      (e) => countOf(e, 'NotificationRequested') === 1,
      'the first page requested',
    );
    const firstPage = (raised.timeline ?? []).find(
      (t) => t.type === 'NotificationRequested',
    );
    const dueAt = Date.parse(firstPage?.at ?? '') + ACK_TIMEOUT_SEC * 1000;
    await pollUntil(() => linesOf(qms.dataDir, raised.id).length || undefined, {
      what: 'the first page in the outbox',
    });

    await qms.stop();

    expect(Date.now()).toBeLessThan(dueAt);
    expect(linesOf(qms.dataDir, raised.id).every((l) => l.step === 0)).toBe(
      true,
    );
    await pollUntil(() => (Date.now() > dueAt + 500 ? true : undefined), {
      what: 'the step-1 deadline to pass while stopped',
    });
    await qms.restart();

    const stepOne = () =>
      linesOf(qms.dataDir, raised.id).filter((l) => l.step === 1);
    const expected = expectedPages(raised, 1);
    await pollUntil(
      () => (stepOne().length >= expected.length ? true : undefined),
      { what: 'the step-1 pages after the restart' },
    );
    await holdsFor(async () => {
      if (pages(stepOne()).join() !== expected.join())
        return `step-1 pages ${pages(stepOne())}, expected ${expected}`;
      const duplicates = duplicateKeys(readOutbox(qms.dataDir).lines);
      if (Object.keys(duplicates).length)
        return `duplicate keys ${JSON.stringify(duplicates)}`;
      const now = (await client.escalation(raised.id)).body;
      const climbs = countOf(now, 'EscalationAutoEscalated');
      return climbs === 1 ? undefined : `${climbs} auto-escalations`;
    }, 1500);
  });
});
