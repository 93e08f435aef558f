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

/** The outbox file could not be opened or read at start-up. */
export class OutboxUnavailableError extends NotificationError {
  constructor(cause: unknown) {
    super('OUTBOX_UNAVAILABLE', 'the outbox file cannot be opened', false, {
      cause,
    });
  }
}
