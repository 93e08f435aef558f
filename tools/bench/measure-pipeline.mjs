// How long the product took, per escalation, from accepting the alert to
// committing the escalation and to writing its first page.
import {
  allEscalations,
  waitForEscalations,
  waitForFirstPages,
} from './pipeline.mjs';
import { msBetween, percentile, round } from './stats.mjs';

const DRAIN_MS = 60_000;
const OUTBOX_MS = 45_000;

/**
 * Waits (bounded) for `expected` escalations and their first pages, then
 * summarises the ones accepted at or after `measuredFrom` (the warm-up's
 * are left out).
 */
export async function measurePipeline(input) {
  const { apiUrl, outboxPath, expected, measuredFrom } = input;
  const loadEnded = Date.now();
  const total = await waitForEscalations(
    apiUrl,
    expected,
    loadEnded + DRAIN_MS,
  );
  const drainedMs = Date.now() - loadEnded;
  const measured = (await allEscalations(apiUrl)).filter(
    (e) => e.acceptedAt >= measuredFrom,
  );
  const ids = new Set(measured.map((e) => e.id));
  const pages = await waitForFirstPages(
    outboxPath,
    ids,
    Date.now() + OUTBOX_MS,
  );
  const firstPages = [...pages.values()].filter((p) => ids.has(p.escalationId));
  return {
    escalationsExpected: expected,
    escalationsSeen: total,
    drainedAfterLoadMs: total >= expected ? drainedMs : null,
    raise: summary(measured.map((e) => msBetween(e.acceptedAt, e.raisedAt))),
    firstPage: summary(
      firstPages.map((p) => msBetween(p.acceptedAt, p.writtenAt)),
    ),
    pipelinePerSecond: throughput(measured),
  };
}

function summary(latencies) {
  return {
    count: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(Math.max(...latencies)),
  };
}

/** Escalations committed per second, first acceptance to last raise. */
function throughput(escalations) {
  if (escalations.length === 0) return 0;
  const first = Math.min(...escalations.map((e) => Date.parse(e.acceptedAt)));
  const last = Math.max(...escalations.map((e) => Date.parse(e.raisedAt)));
  return round(escalations.length / ((last - first) / 1000 || 1), 0);
}
