// Standalone mode: the paced phase, then the saturation phase (the
// product's intake against Debian's Alertmanager with the same client)
// and the pipeline latencies at saturation.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { alertmanagerBody, benchAlert, webhookBody } from './alerts.mjs';
import { postAll } from './http-load.mjs';
import { measurePipeline } from './measure-pipeline.mjs';
import { pacedPhase } from './paced-phase.mjs';
import * as servers from './servers.mjs';

// Caps the saturation phase's load per server.
const LOAD_SECONDS = 60;

/**
 * Runs in `dir`; `track(server)` registers a server for the run's
 * clean-up and returns a function that stops it now.
 */
export async function runStandalone({ options, runId, dir, track }) {
  const { requests, concurrency } = options;
  const dataDir = join(dir, 'data');
  const qms = await servers.startQms(await servers.freePort(), dataDir, {
    cpuProfDir: options.cpuProf,
  });
  const stopQms = track(qms);
  mkdirSync(join(dir, 'alertmanager'));
  const amPort = await servers.freePort();
  const am = await servers.startAlertmanager(amPort, join(dir, 'alertmanager'));
  const stopAm = track(am);
  const warmup = Math.min(500, Math.ceil(requests / 10));
  const alerts = Array.from({ length: warmup + requests }, (_, i) =>
    benchAlert(runId, i),
  );
  const load = { concurrency, maxSeconds: LOAD_SECONDS };
  const intake = `${qms.url}/v1/integrations/alertmanager`;
  const amApi = `${am.url}/api/v2/alerts`;
  const ours = alerts.map(webhookBody);
  const theirs = alerts.map(alertmanagerBody);
  const outboxPath = join(dataDir, 'outbox.jsonl');

  // Warm both servers (and the client) up before timing anything.
  await postAll(intake, ours.slice(0, warmup), load);
  await postAll(amApi, theirs.slice(0, warmup), load);
  const paced = await pacedPhase({
    intakeUrl: qms.url,
    apiUrl: qms.url,
    outboxPath,
    run: `${runId}-paced`,
    rate: options.rate,
    seconds: options.seconds,
  });

  const measuredFrom = new Date().toISOString();
  const qmsLoad = await postAll(intake, ours.slice(warmup), load);
  const pipeline = await measurePipeline({
    apiUrl: qms.url,
    outboxPath,
    expected: warmup + paced.load.accepted + qmsLoad.accepted,
    measuredFrom,
  });
  const amLoad = await postAll(amApi, theirs.slice(warmup), load);
  const peakRssMiB = {
    qms: servers.peakRssMiB(qms.pid),
    alertmanager: servers.peakRssMiB(am.pid),
  };
  await stopQms();
  await stopAm();
  return {
    paced,
    saturation: { warmup, qmsLoad, amLoad, pipeline },
    alertmanagerVersion: alertmanagerVersion(),
    peakRssMiB,
  };
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
