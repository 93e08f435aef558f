import { mkdirSync } from 'node:fs';
import { tempDir, uniqueName, waitFor, type TempDir } from '@qms/testing';
import {
  listAlerts,
  postAlerts,
  type PostableAlert,
} from './alertmanager-api.fixture';
import {
  startAlertmanager,
  type AlertmanagerServer,
} from './alertmanager-server.fixture';
import { ensureBuild } from './ensure-build.fixture';
import { freePort } from './free-port.fixture';
import { startQms, type QmsProcess } from './qms-process.fixture';

interface Escalation {
  id: string;
  fingerprint: string;
  status: string;
  level: string;
  severity: string;
  summary?: string;
}

interface Servers {
  qms: QmsProcess;
  alertmanager: AlertmanagerServer;
}

// Debian's Alertmanager, started by tools/alertmanager, delivers its
// webhook to the built product; both listen on loopback only.
describe('Alertmanager delivering to the Alertmanager intake', () => {
  const service = uniqueName('checkout');
  const alert: PostableAlert = {
    labels: { alertname: 'CheckoutDown', severity: 'critical', service },
    annotations: { summary: `${service} answers no requests` },
    startsAt: new Date(Date.now() - 60_000).toISOString(),
  };
  const dir: TempDir = tempDir('qms-int-alertmanager-');
  let qms: QmsProcess | undefined;
  let alertmanager: AlertmanagerServer | undefined;
  let raised: Escalation | undefined;

  beforeAll(async () => {
    mkdirSync(dir.file('alertmanager'));
    await ensureBuild();
    qms = await startQms(await freePort(), dir.file('data'));
    alertmanager = await startAlertmanager(
      await freePort(),
      `${qms.url}/v1/integrations/alertmanager`,
      dir.file('alertmanager'),
    );
  });

  afterAll(async () => {
    await alertmanager?.stop();
    await qms?.stop();
    dir.remove();
  });

  it('a firing alert raises an escalation under Alertmanager’s fingerprint', async () => {
    const { qms, alertmanager } = servers();

    await postAlerts(alertmanager.url, [alert]);

    raised = await poll(
      qms,
      () => escalationOf(qms, service),
      (e) => e !== undefined,
      'an escalation for the alert',
    );
    const [listed] = await listAlerts(alertmanager.url, 'CheckoutDown');
    expect(raised).toMatchObject({
      fingerprint: listed.fingerprint,
      status: 'active',
      level: 'L1_IMMEDIATE',
      severity: 'critical',
      summary: `${service} answers no requests`,
    });
    const signals = await getJson(
      qms,
      `/v1/signals?fingerprint=${raised.fingerprint}`,
    );
    expect(signals.items[0].fields.labels).toEqual(alert.labels);
  });

  it('resolving the alert in Alertmanager resolves the escalation', async () => {
    const { qms, alertmanager } = servers();
    if (!raised) throw new Error('no escalation was raised to resolve');
    const { id } = raised;
    const endsAt = new Date(Date.now() - 1000).toISOString();

    await postAlerts(alertmanager.url, [{ ...alert, endsAt }]);

    const resolved = await poll(
      qms,
      () => getJson(qms, `/v1/escalations/${id}`),
      (e) => e?.status === 'resolved',
      'the escalation to be resolved',
    );
    expect(resolved).toMatchObject({ id, status: 'resolved' });
  });

  function servers(): Servers {
    if (!qms || !alertmanager) throw new Error('servers did not start');
    return { qms, alertmanager };
  }
});

async function escalationOf(qms: QmsProcess, component: string) {
  const page = await getJson(qms, `/v1/escalations?component=${component}`);
  return page.items[0] as Escalation | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API JSON
async function getJson(qms: QmsProcess, path: string): Promise<any> {
  const response = await fetch(`${qms.url}${path}`);
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
}

/** Polls `read` until `done`; a timeout carries the product's stderr. */
async function poll(
  qms: QmsProcess,
  read: () => Promise<Escalation | undefined>,
  done: (e: Escalation | undefined) => boolean,
  description: string,
): Promise<Escalation> {
  let last: Escalation | undefined;
  try {
    await waitFor(async () => done((last = await read())), {
      timeoutMs: 30_000,
      intervalMs: 200,
      description,
    });
  } catch (error) {
    const log = qms.output() || '(nothing)';
    throw new Error(`${(error as Error).message}; qms stderr: ${log}`, {
      cause: error,
    });
  }
  if (!last) throw new Error(`${description}: nothing read`);
  return last;
}
