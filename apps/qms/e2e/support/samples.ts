import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from './qms-client';

export type SampleName =
  | 'alertmanager-webhook-firing-grouped'
  | 'alertmanager-webhook-firing-single'
  | 'alertmanager-webhook-resolved-single'
  | 'grafana-alerting-webhook-firing-grouped'
  | 'pagerduty-events-v2-trigger'
  | 'pagerduty-events-v2-acknowledge'
  | 'pagerduty-events-v2-resolve';

/** A real payload from samples/, parsed afresh. */
export function loadSample(name: SampleName): Json {
  const file = join(__dirname, '../../../../samples', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A short random tag; tests put it into identities they must own. */
export function uniqueTag(prefix = 'e2e'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/**
 * Gives every alert of a webhook an `e2e_run` label, and suffixes the
 * fingerprints it carries, so its alerts are new to a shared system
 * (computed fingerprints cover every label) and stay equal between a
 * firing and a resolved webhook tagged alike.
 */
export function tagWebhook<T extends { alerts: Json[] }>(
  webhook: T,
  tag: string,
): T {
  for (const alert of webhook.alerts) {
    alert.labels = { ...alert.labels, e2e_run: tag };
    if (alert.fingerprint) alert.fingerprint = `${alert.fingerprint}-${tag}`;
  }
  return webhook;
}
