export type EscalationErrorCode =
  | 'ESCALATION_NOT_FOUND'
  | 'ESCALATION_CLOSED'
  | 'ESCALATION_ALREADY_RESOLVED'
  | 'ESCALATION_NOT_OPEN'
  | 'STALE_DEADLINE';

/** A command the escalation's current state refuses. Not retriable. */
export class EscalationError extends Error {
  constructor(
    readonly code: EscalationErrorCode,
    readonly escalationId: string,
    message: string,
  ) {
    super(message);
    this.name = 'EscalationError';
  }
}

export function requireExists(
  c: { escalationId: string },
  s: { status: string },
): void {
  if (s.status === 'none') {
    throw refusal('ESCALATION_NOT_FOUND', c, 'no such escalation');
  }
}

export function refusal(
  code: EscalationError['code'],
  c: { escalationId: string },
  message: string,
): EscalationError {
  return new EscalationError(code, c.escalationId, message);
}
