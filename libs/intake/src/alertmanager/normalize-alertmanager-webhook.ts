import type { QmsEvent } from '@qms/domain';

import { definedFields } from '../event-fields';
import { GO_ZERO_TIME_MS, isoTimeOf, parseRfc3339 } from '../event-time';
import type { IntakeContext } from '../intake-context';
import { compileSchema, validOrThrow } from '../schema-validation';
import { alertmanagerFingerprint } from './alertmanager-fingerprint';
import {
  ALERTMANAGER_WEBHOOK_SCHEMA,
  type AlertmanagerWebhook,
  type WebhookAlert,
} from './alertmanager-webhook.schema';

const validateWebhook = compileSchema<AlertmanagerWebhook>(
  ALERTMANAGER_WEBHOOK_SCHEMA,
);

/**
 * Validates an Alertmanager (or Grafana) webhook; each alert becomes its
 * own event. Throws IntakeError. The source is `ctx.source`, never
 * guessed from the content.
 */
export function normalizeAlertmanagerWebhook(
  body: unknown,
  ctx: IntakeContext,
): QmsEvent[] {
  const webhook = validOrThrow(validateWebhook, body);
  const source = ctx.source ?? 'alertmanager';
  return webhook.alerts.map((alert) => alertToEvent(alert, source, ctx));
}

function alertToEvent(
  alert: WebhookAlert,
  source: string,
  ctx: IntakeContext,
): QmsEvent {
  const { labels, status, startsAt, endsAt } = alert;
  const annotations = alert.annotations ?? {};
  const fingerprint = alert.fingerprint || alertmanagerFingerprint(labels);
  const type = labels.alertname;
  const component =
    labels.service || labels.job || labels.instance || labels.alertname;
  const severity = labels.severity?.trim().toLowerCase() || 'none';
  const happenedAt = status === 'resolved' ? endsAt : startsAt;

  return {
    // Seeded by identity, state and start: a re-sent webhook maps to the
    // same ids, while a new firing of the same alert gets a new one.
    id: ctx.idFor(`${fingerprint}:${status}:${startsAt}`),
    type,
    source,
    component,
    severity,
    action: status === 'resolved' ? 'resolve' : 'trigger',
    fingerprint,
    summary:
      annotations.summary || annotations.description || annotations.message,
    occurredAt: isoTimeOf(happenedAt, parseAlertTime) ?? ctx.acceptedAt,
    acceptedAt: ctx.acceptedAt,
    fields: definedFields({
      labels,
      annotations,
      generatorURL: alert.generatorURL,
      status,
      alertname: type,
      severity,
      type,
      source,
      component,
      startsAt,
      endsAt,
    }),
  };
}

/** Go's zero time means "not set" (an alert that has not ended). */
function parseAlertTime(text: string): number | undefined {
  const epochMs = parseRfc3339(text);
  return epochMs === GO_ZERO_TIME_MS ? undefined : epochMs;
}
