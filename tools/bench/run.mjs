// Benchmark (not a test): Alertmanager webhooks into the product versus the
// same alerts into Debian's Alertmanager, then the product's pipeline
// latencies. Usage: npm run bench -- [--requests N] [--concurrency C]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { alertmanagerBody, benchAlert, webhookBody } from './alerts.mjs';
import { postAll } from './http-load.mjs';
import { measurePipeline } from './measure-pipeline.mjs';
import { printReport } from './report.mjs';
import * as servers from './servers.mjs';

// Phase caps keep a default run under ~3 minutes; the watchdog is the
// backstop if a server hangs.
const LOAD_SECONDS = 60;
const WATCHDOG_MS = 175_000;

const options = readOptions();
const dir = mkdtempSync(join(tmpdir(), 'qms-bench-'));
const running = [];
const watchdog = setTimeout(() => abort('took longer than 175 s'), WATCHDOG_MS);
process.once('SIGINT', () => abort('interrupted'));

try {
  await main();
} catch (error) {
  console.error(`bench failed: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
  clearTimeout(watchdog);
}

async function main() {
  const { requests, concurrency } = options;
  await servers.buildProduct();
  const qms = await start(
    servers.startQms(await servers.freePort(), join(dir, 'data')),
  );
  mkdirSync(join(dir, 'alertmanager'));
  const am = await start(
    servers.startAlertmanager(
      await servers.freePort(),
      join(dir, 'alertmanager'),
    ),
  );
  const warmup = Math.min(500, Math.ceil(requests / 10));
  const runId = Math.random().toString(16).slice(2, 8);
  const alerts = Array.from({ length: warmup + requests }, (_, i) =>
    benchAlert(runId, i),
  );
  const load = { concurrency, maxSeconds: LOAD_SECONDS };
  const intake = `${qms.url}/v1/integrations/alertmanager`;
  const amApi = `${am.url}/api/v2/alerts`;
  const ours = alerts.map(webhookBody);
  const theirs = alerts.map(alertmanagerBody);

  // Warm both servers (and the client) up before timing anything.
  await postAll(intake, ours.slice(0, warmup), load);
  await postAll(amApi, theirs.slice(0, warmup), load);
  const measuredFrom = new Date().toISOString();
  const qmsLoad = await postAll(intake, ours.slice(warmup), load);
  const pipeline = await measurePipeline({
    apiUrl: qms.url,
    outboxPath: join(dir, 'data', 'outbox.jsonl'),
    expected: warmup + qmsLoad.accepted,
    measuredFrom,
  });
  const amLoad = await postAll(amApi, theirs.slice(warmup), load);

  printReport({
    options,
    warmup,
    cpus: cpus().length,
    alertmanagerVersion: alertmanagerVersion(),
    qmsLoad,
    amLoad,
    pipeline,
    qmsPeakRssMiB: servers.peakRssMiB(qms.pid),
    alertmanagerPeakRssMiB: servers.peakRssMiB(am.pid),
  });
}

async function start(starting) {
  const server = await starting;
  running.push(server);
  return server;
}

async function cleanUp() {
  for (const server of running.reverse()) {
    await server.stop().catch((e) => console.error(`stop failed: ${e}`));
  }
  running.length = 0;
  rmSync(dir, { recursive: true, force: true });
}

async function abort(reason) {
  console.error(`bench aborted: ${reason}`);
  await cleanUp();
  process.exit(1);
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '20000' },
      concurrency: { type: 'string', default: '64' },
    },
  });
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  for (const [name, n] of Object.entries({ requests, concurrency })) {
    if (!Number.isInteger(n) || n < 1) {
      console.error(`--${name} must be a positive integer`);
      process.exit(2);
    }
  }
  return { requests, concurrency };
}

function alertmanagerVersion() {
  const script =
    'source tools/alertmanager/lib.sh && "$(am_binary)" --version 2>&1';
  const text = execFileSync('bash', ['-c', script], {
    cwd: servers.REPO,
    encoding: 'utf8',
  });
  return /version (\S+)/.exec(text)?.[1] ?? 'unknown';
}
