import { NON_BLANK } from '../schema-validation';

export type AlertStatus = 'firing' | 'resolved';

/** One alert of a webhook, as validated. */
export interface WebhookAlert {
  status: AlertStatus;
  labels: Record<string, string> & { alertname: string };
  annotations?: Record<string, string>;
  startsAt: string;
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

// startsAt is part of the event id (a new firing is a new event), so it
// must be a real RFC 3339 time; Alertmanager and Grafana always send one.
// endsAt is only checked to be a string: an unreadable end falls back to
// the acceptance time instead of losing the alert.
const ALERT_SCHEMA = {
  type: 'object',
  required: ['status', 'labels', 'startsAt'],
  properties: {
    status: { type: 'string', enum: ['firing', 'resolved'] },
    labels: {
      ...STRING_MAP,
      required: ['alertname'],
      properties: { alertname: { type: 'string', pattern: NON_BLANK } },
    },
    annotations: STRING_MAP,
    startsAt: { type: 'string', format: 'date-time' },
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
