// Distributed mode: the paced HTTP phase against the ingestor and the
// projector's API, then a burst of native events published straight to
// qms.ingest.v1 and counted until the API lists them as escalations.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  distributedStack,
  installBackingServices,
} from './distributed-stack.mjs';
import { publishNativeEvents } from './kafka-publish.mjs';
import { pacedPhase } from './paced-phase.mjs';
import { countEscalations, waitForEscalations } from './pipeline.mjs';
import { round } from './stats.mjs';
import { setTimeout as sleep } from 'node:timers/promises';

// Unusual ports, so a developer's own stack on the defaults is left
// alone; the first set whose every port is free is used.
const PORT_SETS = [
  { base: 28080, kafka: 29092, mongodb: 37017 },
  { base: 28180, kafka: 29292, mongodb: 37117 },
  { base: 38080, kafka: 39092, mongodb: 47017 },
];
const CARRY_MS = 60_000;
const CARRY_STALL_MS = 15_000;
const SETTLE_MS = 60_000;
const SETTLE_QUIET_MS = 3000;
const WARMUP = {
  rate: 50,
  seconds: 2,
  waits: { drainMs: 10_000, outboxMs: 5_000, stallMs: 5_000 },
};

/**
 * Resolves the mode's figures, { skipped } when Kafka or FerretDB cannot
 * be installed or no ports are free, or { failed } when the stack breaks.
 * `track(stoppable)` registers the stack for the run's clean-up and
 * returns a function that stops it now.
 */
export async function runDistributed({ options, runId, track }) {
  const ports = await choosePorts();
  if (!ports) return { skipped: 'no free set of ports (see PORT_SETS)' };
  try {
    await installBackingServices();
  } catch (error) {
    return { skipped: error.message };
  }
  const workdir = mkdtempSync(join(tmpdir(), 'qms-bench-distributed-'));
  const stack = distributedStack(workdir, ports);
  const stop = track({
    stop: async () => {
      await stack.stop();
      rmSync(workdir, { recursive: true, force: true });
    },
  });
  try {
    return await measure(stack, ports, options, runId);
  } catch (error) {
    return { failed: error.message };
  } finally {
    await stop();
  }
}

async function measure(stack, ports, options, runId) {
  const started = performance.now();
  await stack.start();
  const startSeconds = round((performance.now() - started) / 1000, 1);
  const phase = { ...stack, rate: options.rate, seconds: options.seconds };
  await pacedPhase({ ...phase, ...WARMUP, run: `${runId}-warmup` });
  const paced = await pacedPhase({ ...phase, run: `${runId}-paced` });
  const kafka = await kafkaPhase(stack, `${runId}-kafka`, options.events);
  const byProcess = stack.peakRssMiB();
  return { ports, startSeconds, paced, kafka, peakRssMiB: rss(byProcess) };
}

/** The six services summed; Kafka and FerretDB on their own. */
function rss({ kafka, ferretdb, ...services }) {
  const sum = Object.values(services).reduce((a, b) => a + (b ?? 0), 0);
  return { services: round(sum, 1), kafka, ferretdb, byProcess: services };
}

/**
 * Publishes `events` native events and waits until the API's total grew
 * by as many. Carried per second counts from the first publish to the
 * poll that saw the last escalation.
 */
async function kafkaPhase(stack, run, events) {
  const before = await settledCount(stack.apiUrl);
  const started = performance.now();
  const { seconds } = await publishNativeEvents({
    brokers: stack.brokers,
    run,
    count: events,
  });
  const result = {
    events,
    publishSeconds: round(seconds, 2),
    publishedPerSecond: round(events / seconds, 0),
  };
  if (before === null) {
    return { ...result, apiError: 'the API did not answer before publishing' };
  }
  const wait = await waitForEscalations(stack.apiUrl, before + events, {
    initialTotal: before,
    deadline: Date.now() + CARRY_MS,
    stallMs: CARRY_STALL_MS,
    pollMs: 500,
  });
  const carriedSeconds = (wait.reachedAtMs - started) / 1000;
  const seen = wait.total - before;
  const movingSeconds = ((wait.lastMoveAtMs ?? started) - started) / 1000;
  return {
    ...result,
    escalationsSeen: seen,
    // While not all arrived: the rate at which they did.
    arrivingPerSecond:
      movingSeconds > 0 ? round(seen / movingSeconds, 0) : null,
    carriedSeconds: wait.reached ? round(carriedSeconds, 2) : null,
    carriedPerSecond: wait.reached ? round(events / carriedSeconds, 0) : null,
    waitedSeconds: round((performance.now() - started) / 1000, 1),
    stalled: wait.stalled,
    apiError: wait.error,
  };
}

/**
 * The escalation count once the earlier phases' backlog has drained (it
 * stopped moving for SETTLE_QUIET_MS), so the Kafka phase counts only its
 * own; null when the API does not answer. Bounded by SETTLE_MS.
 */
async function settledCount(apiUrl) {
  const deadline = Date.now() + SETTLE_MS;
  let last = null;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const total = await countEscalations(apiUrl).catch(() => null);
    if (total !== last) quietSince = Date.now();
    else if (total !== null && Date.now() - quietSince >= SETTLE_QUIET_MS)
      return total;
    last = total;
    await sleep(500);
  }
  return last;
}

async function choosePorts() {
  for (const set of PORT_SETS) {
    const { base, kafka, mongodb } = set;
    const services = Array.from({ length: 6 }, (_, i) => base + i);
    // Kafka's controller listens on the broker port + 100.
    const all = [...services, kafka, kafka + 100, mongodb];
    const free = await Promise.all(all.map(isFree));
    if (free.every(Boolean)) return set;
  }
  return null;
}

function isFree(port) {
  return new Promise((resolve) => {
    const server = createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
