// How long the product took, per escalation, from accepting the alert to
// committing the escalation and to writing its first page.
import { waitForFirstPages } from './outbox.mjs';
import { allEscalations, waitForEscalations } from './pipeline.mjs';
import { msBetween, percentile, round } from './stats.mjs';

/**
 * Waits (bounded by `drainMs`, `outboxMs`, and `stallMs` without
 * progress) for `expected` escalations and their first pages, then
 * summarises the ones of `component` (all if not given) accepted at or
 * after `measuredFrom` (all if not given).
 */
export async function measurePipeline(input) {
  const { apiUrl, outboxPath, expected, measuredFrom, component } = input;
  const { drainMs = 60_000, outboxMs = 45_000, stallMs } = input;
  const loadEnded = Date.now();
  const deadline = loadEnded + drainMs;
  const wait = await waitForEscalations(apiUrl, expected, {
    deadline,
    component,
    stallMs,
  });
  const drainedMs = Date.now() - loadEnded;
  const measured = await documents(apiUrl, component, measuredFrom, wait);
  const ids = new Set(measured.map((e) => e.id));
  const pages = await waitForFirstPages(outboxPath, ids, {
    deadline: Date.now() + outboxMs,
    stallMs,
  });
  const firstPages = [...pages.values()].filter((p) => ids.has(p.escalationId));
  return {
    escalationsExpected: expected,
    escalationsSeen: wait.total,
    drainedAfterLoadMs: wait.reached ? drainedMs : null,
    stalled: wait.stalled,
    apiError: wait.error,
    raise: summary(measured.map((e) => msBetween(e.acceptedAt, e.raisedAt))),
    firstPage: summary(
      firstPages.map((p) => msBetween(p.acceptedAt, p.writtenAt)),
    ),
    pipelinePerSecond: throughput(measured),
  };
}

/** The measured documents; none (and the error kept) if the API fails. */
async function documents(apiUrl, component, measuredFrom, wait) {
  try {
    const items = await allEscalations(apiUrl, component);
    return items.filter((e) => !measuredFrom || e.acceptedAt >= measuredFrom);
  } catch (error) {
    wait.error = error.message;
    return [];
  }
}

/** Latency figures; null where there is nothing to measure. */
export function summary(latencies) {
  const none = latencies.length === 0;
  return {
    count: latencies.length,
    p50Ms: none ? null : round(percentile(latencies, 50)),
    p99Ms: none ? null : round(percentile(latencies, 99)),
    maxMs: none ? null : round(Math.max(...latencies)),
  };
}

/** Escalations committed per second, first acceptance to last raise. */
function throughput(escalations) {
  if (escalations.length === 0) return 0;
  const first = Math.min(...escalations.map((e) => Date.parse(e.acceptedAt)));
  const last = Math.max(...escalations.map((e) => Date.parse(e.raisedAt)));
  return round(escalations.length / ((last - first) / 1000 || 1), 0);
}
