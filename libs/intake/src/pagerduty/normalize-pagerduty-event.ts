import type { QmsEvent } from '@qms/domain';

import { definedFields } from '../event-fields';
import { isoTimeOf, parseIso8601 } from '../event-time';
import type { IntakeContext } from '../intake-context';
import { depthViolation } from '../body-depth';
import { compileSchema, violationsOf } from '../schema-validation';
import { pagerDutyError } from './pagerduty-error';
import {
  PAGERDUTY_EVENT_SCHEMA,
  type PagerDutyEvent,
  type PagerDutyPayload,
} from './pagerduty-event.schema';

const validatePagerDutyEvent = compileSchema<PagerDutyEvent>(
  PAGERDUTY_EVENT_SCHEMA,
  { allErrors: true },
);

/** What the payload decides; the rest comes from the envelope. */
type PayloadShape = Omit<
  QmsEvent,
  'id' | 'source' | 'action' | 'fingerprint' | 'acceptedAt'
>;

/**
 * Validates a PagerDuty Events API v2 event (nesting at most
 * MAX_BODY_DEPTH) and normalises it. Throws PagerDutyError. A trigger
 * without dedup_key gets a new one (returned as the fingerprint), as
 * PagerDuty does. The routing_key is never copied.
 */
export function normalizePagerDutyEvent(
  body: unknown,
  ctx: IntakeContext,
): QmsEvent {
  const tooDeep = depthViolation(body);
  if (tooDeep) throw pagerDutyError([tooDeep]);
  if (!validatePagerDutyEvent(body)) {
    throw pagerDutyError(violationsOf(validatePagerDutyEvent));
  }
  const event = body;
  const common = {
    id: ctx.newId(),
    source: 'pagerduty',
    action: event.event_action,
    fingerprint: event.dedup_key ?? ctx.newId(),
    acceptedAt: ctx.acceptedAt,
  };
  if (event.event_action !== 'trigger') {
    return { ...common, ...followUpShape(ctx) };
  }
  return { ...common, ...triggerShape(event.payload, ctx) };
}

/** Acknowledge and resolve carry no payload; they act by dedup_key alone. */
function followUpShape(ctx: IntakeContext): PayloadShape {
  const identity = {
    type: 'pagerduty_event',
    component: 'unknown',
    severity: 'none',
  };
  return {
    ...identity,
    occurredAt: ctx.acceptedAt,
    fields: { ...identity, source: 'pagerduty' },
  };
}

function triggerShape(
  payload: PagerDutyPayload,
  ctx: IntakeContext,
): PayloadShape {
  const type = payload.class || 'pagerduty_event';
  const component = payload.component || payload.source;
  const { severity } = payload;
  const occurredAt = isoTimeOf(payload.timestamp, parseIso8601);

  return {
    type,
    component,
    severity,
    summary: payload.summary,
    occurredAt: occurredAt ?? ctx.acceptedAt,
    fields: definedFields({
      details: payload.custom_details,
      severity,
      type,
      source: 'pagerduty',
      // PagerDuty's `source` names the affected system, not the sender.
      pd_source: payload.source,
      component,
      group: payload.group,
      class: payload.class,
    }),
  };
}
