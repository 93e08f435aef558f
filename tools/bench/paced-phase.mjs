// The paced phase: a fixed, sustainable rate of single-alert webhooks,
// then per-escalation latencies of exactly those alerts. At saturation
// the pipeline queues and its latency says little; here it should not.
import { benchAlert, webhookBody } from './alerts.mjs';
import { measurePipeline } from './measure-pipeline.mjs';
import { offerAtRate } from './paced-load.mjs';
import { percentile, round } from './stats.mjs';

// After the last request: how long to wait for the escalations and pages,
// and after how long without progress a stuck pipeline is given up on.
const WAITS = { drainMs: 30_000, outboxMs: 20_000, stallMs: 15_000 };

/**
 * Offers `rate` alerts per second for `seconds` to `intakeUrl`, each with
 * its own fingerprint and all with one component (`bench-<run>`), then
 * measures accept -> raised (API) and accept -> first page (outbox).
 * `waits` may shorten the waits (a warm-up need not wait long).
 */
export async function pacedPhase(input) {
  const { intakeUrl, apiUrl, outboxPath, run, rate, seconds } = input;
  const load = await offerAtRate(
    `${intakeUrl}/v1/integrations/alertmanager`,
    (i) => webhookBody(benchAlert(run, i)),
    { rate, seconds },
  );
  const pipeline = await measurePipeline({
    apiUrl,
    outboxPath,
    expected: load.accepted,
    component: `bench-${run}`,
    ...WAITS,
    ...input.waits,
  });
  return { rate, seconds, load: pacedLoad(load), pipeline };
}

function pacedLoad(load) {
  return {
    offered: load.offered,
    accepted: load.accepted,
    failed: load.failed,
    offeredPerSecond: round(load.offered / load.sendSeconds, 0),
    acceptedPerSecond: round(load.accepted / load.seconds, 0),
    clientP50Ms: round(percentile(load.latenciesMs, 50), 2),
    clientP99Ms: round(percentile(load.latenciesMs, 99), 2),
    sendLagP99Ms: round(percentile(load.sendLagsMs, 99), 2),
    statuses: load.statuses,
  };
}
