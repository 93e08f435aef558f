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
  const { qms, am, stopBoth } = await startServers(dir, options, track);
  const warmup = Math.min(500, Math.ceil(options.requests / 10));
  const alerts = Array.from({ length: warmup + options.requests }, (_, i) =>
    benchAlert(runId, i),
  );
  const ours = alerts.map(webhookBody);
  const theirs = alerts.map(alertmanagerBody);
  const load = { concurrency: options.concurrency, maxSeconds: LOAD_SECONDS };

  // Warm both servers (and the client) up before timing anything.
  await postAll(qms.intake, ours.slice(0, warmup), load);
  await postAll(am.api, theirs.slice(0, warmup), load);
  const paced = await pacedPhase({
    ...qms,
    run: `${runId}-paced`,
    rate: options.rate,
    seconds: options.seconds,
  });
  const saturation = await saturationPhase({
    qms,
    am,
    bodies: { ours: ours.slice(warmup), theirs: theirs.slice(warmup) },
    before: warmup + paced.load.accepted,
    load,
  });
  const peakRssMiB = {
    qms: servers.peakRssMiB(qms.pid),
    alertmanager: servers.peakRssMiB(am.pid),
  };
  await stopBoth();
  return {
    paced,
    saturation: { warmup, ...saturation },
    alertmanagerVersion: alertmanagerVersion(),
    peakRssMiB,
  };
}

/**
 * The same alerts as fast as each server takes them (closed loop), and
 * the product's pipeline latencies for its share; `before` escalations
 * existed already.
 */
async function saturationPhase({ qms, am, bodies, before, load }) {
  const measuredFrom = new Date().toISOString();
  const qmsLoad = await postAll(qms.intake, bodies.ours, load);
  const pipeline = await measurePipeline({
    ...qms,
    expected: before + qmsLoad.accepted,
    measuredFrom,
  });
  const amLoad = await postAll(am.api, bodies.theirs, load);
  return { qmsLoad, amLoad, pipeline };
}

async function startServers(dir, options, track) {
  const dataDir = join(dir, 'data');
  const qmsPort = await servers.freePort();
  const qms = await servers.startQms(qmsPort, dataDir, {
    cpuProfDir: options.cpuProf,
  });
  const stopQms = track(qms);
  mkdirSync(join(dir, 'alertmanager'));
  const amPort = await servers.freePort();
  const am = await servers.startAlertmanager(amPort, join(dir, 'alertmanager'));
  const stopAm = track(am);
  return {
    qms: {
      pid: qms.pid,
      intake: `${qms.url}/v1/integrations/alertmanager`,
      intakeUrl: qms.url,
      apiUrl: qms.url,
      outboxPath: join(dataDir, 'outbox.jsonl'),
    },
    am: { pid: am.pid, api: `${am.url}/api/v2/alerts` },
    stopBoth: async () => {
      await stopQms();
      await stopAm();
    },
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
