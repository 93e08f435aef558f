import type { QmsEvent } from '@qms/domain';

import { isoTimeOf } from '../event-time';
import type { IntakeContext } from '../intake-context';
import { compileSchema, validOrThrow } from '../schema-validation';
import {
  NATIVE_EVENT_SCHEMA,
  type NativeEventBody,
} from './native-event.schema';
import { nativeEventId } from './native-event-id';
import { nativeFingerprint } from './native-fingerprint';

const validateNativeEvent = compileSchema<NativeEventBody>(NATIVE_EVENT_SCHEMA);

/** Envelope fields: they shape the event and are not copied to `fields`. */
const ENVELOPE = new Set([
  'id',
  'occurred_at',
  'fingerprint',
  'summary',
  'action',
]);

/**
 * Validates a native event and normalises it. Throws IntakeError.
 * Severity is trimmed and lower-cased; `occurredAt` is UTC ISO. A client
 * `id` is kept as `fields.client_id`; the event id derives from it and the
 * body (nativeEventId).
 */
export function normalizeNativeEvent(
  body: unknown,
  ctx: IntakeContext,
): QmsEvent {
  const event = validOrThrow(validateNativeEvent, body);
  const { type, source, component } = event;
  const severity = event.severity.trim().toLowerCase();

  return {
    id: nativeEventId(event, ctx),
    type,
    source,
    component,
    severity,
    action: event.action ?? 'trigger',
    fingerprint: nativeFingerprint(event),
    summary: event.summary,
    occurredAt: isoTimeOf(event.occurred_at) ?? ctx.acceptedAt,
    acceptedAt: ctx.acceptedAt,
    fields: { ...metricFields(event), type, source, component, severity },
  };
}

/**
 * Every non-envelope top-level field, values as the client sent them,
 * and the client's `id` as `client_id` (over a metric of that name).
 */
function metricFields(event: NativeEventBody): Record<string, unknown> {
  const entries = Object.entries(event);
  const metrics = entries.filter(([key]) => !ENVELOPE.has(key));
  if (event.id !== undefined) metrics.push(['client_id', event.id]);
  return Object.fromEntries(metrics);
}
