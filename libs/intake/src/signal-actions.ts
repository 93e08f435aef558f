import type { SignalAction } from '@qms/domain';

/** Every SignalAction, for schemas; the type check keeps it in step. */
export const SIGNAL_ACTIONS = [
  'trigger',
  'acknowledge',
  'resolve',
] as const satisfies readonly SignalAction[];
