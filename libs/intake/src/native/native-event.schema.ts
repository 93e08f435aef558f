import type { SignalAction } from '@qms/domain';

import { NON_BLANK } from '../schema-validation';
import { SIGNAL_ACTIONS } from '../signal-actions';

/** A native event as validated; any other top-level field is a metric. */
export interface NativeEventBody {
  type: string;
  source: string;
  component: string;
  severity: string;
  id?: string;
  occurred_at?: string;
  fingerprint?: string;
  summary?: string;
  action?: SignalAction;
  [field: string]: unknown;
}

const REQUIRED_TEXT = { type: 'string', pattern: NON_BLANK } as const;

/** Fields we read are strict; unknown extra fields are accepted. */
export const NATIVE_EVENT_SCHEMA = {
  type: 'object',
  required: ['type', 'source', 'component', 'severity'],
  properties: {
    type: REQUIRED_TEXT,
    source: REQUIRED_TEXT,
    component: REQUIRED_TEXT,
    severity: REQUIRED_TEXT,
    id: { type: 'string', pattern: NON_BLANK, maxLength: 200 },
    occurred_at: { type: 'string', format: 'date-time' },
    fingerprint: { type: 'string', pattern: NON_BLANK },
    summary: { type: 'string' },
    action: { type: 'string', enum: SIGNAL_ACTIONS },
  },
} as const;
