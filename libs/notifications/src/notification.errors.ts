/** Base of the errors this library throws; `code` is stable. */
export class NotificationError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The outbox file cannot be opened, failed a write or fsync, or is closed. */
export class OutboxUnavailableError extends NotificationError {
  constructor(reason: string, cause?: unknown) {
    super('OUTBOX_UNAVAILABLE', `outbox unavailable: ${reason}`, false, {
      cause,
    });
  }
}

/** A retry was asked for an attempt that is not a positive integer. */
export class InvalidAttemptError extends NotificationError {
  constructor(readonly attempt: number) {
    super('INVALID_ATTEMPT', `attempt must be an integer >= 1`, false);
  }
}
