// Benchmark (not a test): per mode, a paced phase (fixed rate, latency of
// each escalation); in standalone mode also the saturation phase against
// Debian's Alertmanager; in distributed mode also native events published
// to qms.ingest.v1 and carried to escalations. Usage: see options.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runDistributed } from './distributed-mode.mjs';
import { readOptions } from './options.mjs';
import { printReport } from './report.mjs';
import { buildProduct } from './servers.mjs';
import { runStandalone } from './standalone-mode.mjs';

// A default run takes about 4 minutes; the watchdog is the backstop if a
// server hangs, and stops everything this run started.
const WATCHDOG_MS = 480_000;

const options = readOptions();
const dir = mkdtempSync(join(tmpdir(), 'qms-bench-'));
const running = new Set();
let aborted = false;
const watchdog = setTimeout(() => abort('took longer than 8 min'), WATCHDOG_MS);
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
  const runId = Math.random().toString(16).slice(2, 8);
  // Other work on the machine skews every figure; the report shows it.
  const loadAtStart = loadavg()[0];
  const context = { options, runId, dir, track };
  await buildProduct();
  const results = {};
  if (options.modes.includes('standalone')) {
    results.standalone = await timed(() => runStandalone(context));
  }
  if (options.modes.includes('distributed')) {
    results.distributed = await timed(() => runDistributed(context));
    if (results.distributed.failed) process.exitCode = 1;
  }
  if (!aborted) printReport({ options, loadAtStart, ...results });
}

async function timed(runMode) {
  const started = performance.now();
  const figures = await runMode();
  const seconds = (performance.now() - started) / 1000;
  return { ...figures, tookSeconds: Math.round(seconds) };
}

/** Registers `server` for clean-up; returns a function that stops it now. */
function track(server) {
  running.add(server);
  return async () => {
    running.delete(server);
    await server.stop();
  };
}

async function cleanUp() {
  for (const server of [...running].reverse()) {
    running.delete(server);
    await server.stop().catch((e) => console.error(`stop failed: ${e}`));
  }
  rmSync(dir, { recursive: true, force: true });
}

async function abort(reason) {
  aborted = true;
  console.error(`bench aborted: ${reason}`);
  await cleanUp();
  process.exit(1);
}
