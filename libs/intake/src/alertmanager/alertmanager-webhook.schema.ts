import { NON_BLANK } from '../schema-validation';

export type AlertStatus = 'firing' | 'resolved';

/** One alert of a webhook, as validated. */
export interface WebhookAlert {
  status: AlertStatus;
  labels: Record<string, string> & { alertname: string };
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
  fingerprint?: string;
}

/** The Alertmanager webhook (v4), also posted by Grafana alerting. */
export interface AlertmanagerWebhook {
  alerts: WebhookAlert[];
}

const STRING_MAP = {
  type: 'object',
  additionalProperties: { type: 'string' },
} as const;

// Times are only checked to be strings: an unreadable time falls back to
// the acceptance time instead of losing the alert.
const ALERT_SCHEMA = {
  type: 'object',
  required: ['status', 'labels'],
  properties: {
    status: { type: 'string', enum: ['firing', 'resolved'] },
    labels: {
      ...STRING_MAP,
      required: ['alertname'],
      properties: { alertname: { type: 'string', pattern: NON_BLANK } },
    },
    annotations: STRING_MAP,
    startsAt: { type: 'string' },
    endsAt: { type: 'string' },
    generatorURL: { type: 'string' },
    fingerprint: { type: 'string' },
  },
} as const;

/**
 * Only the alerts are read; group fields (receiver, groupKey, common
 * labels...) are not, so they are not checked.
 */
export const ALERTMANAGER_WEBHOOK_SCHEMA = {
  type: 'object',
  required: ['alerts'],
  properties: { alerts: { type: 'array', items: ALERT_SCHEMA } },
} as const;
