import { NON_BLANK } from '../schema-validation';
import { SIGNAL_ACTIONS } from '../signal-actions';

export type PagerDutySeverity = 'critical' | 'error' | 'warning' | 'info';

export interface PagerDutyPayload {
  summary: string;
  source: string;
  severity: PagerDutySeverity;
  timestamp?: string;
  component?: string;
  group?: string;
  class?: string;
  custom_details?: Record<string, unknown>;
}

/** A PagerDuty Events API v2 event, as validated. */
export type PagerDutyEvent =
  | {
      routing_key: string;
      event_action: 'trigger';
      dedup_key?: string;
      payload: PagerDutyPayload;
    }
  | {
      routing_key: string;
      event_action: 'acknowledge' | 'resolve';
      dedup_key: string;
    };

const PAYLOAD_SCHEMA = {
  type: 'object',
  required: ['summary', 'source', 'severity'],
  properties: {
    summary: { type: 'string', pattern: NON_BLANK, maxLength: 1024 },
    source: { type: 'string', pattern: NON_BLANK },
    severity: {
      type: 'string',
      enum: ['critical', 'error', 'warning', 'info'],
    },
    timestamp: { type: 'string', format: 'iso8601-date-time' },
    component: { type: 'string' },
    group: { type: 'string' },
    class: { type: 'string' },
    custom_details: { type: 'object' },
  },
} as const;

function whenAction(actions: string[], then: object): object {
  return {
    if: {
      required: ['event_action'],
      properties: { event_action: { enum: actions } },
    },
    then,
  };
}

/**
 * As PagerDuty checks it: the payload is required and read only for a
 * trigger (PagerDuty ignores it on acknowledge and resolve, and so do we);
 * acknowledge and resolve need the dedup_key they act on.
 */
export const PAGERDUTY_EVENT_SCHEMA = {
  type: 'object',
  required: ['routing_key', 'event_action'],
  properties: {
    routing_key: { type: 'string', pattern: NON_BLANK },
    event_action: { type: 'string', enum: SIGNAL_ACTIONS },
    dedup_key: { type: 'string', pattern: NON_BLANK, maxLength: 255 },
  },
  allOf: [
    whenAction(['trigger'], {
      required: ['payload'],
      properties: { payload: PAYLOAD_SCHEMA },
    }),
    whenAction(['acknowledge', 'resolve'], { required: ['dedup_key'] }),
  ],
} as const;
