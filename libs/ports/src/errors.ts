/** Base of infrastructure errors: a stable code and whether to retry. */
export class InfrastructureError extends Error {
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

export class WrongExpectedRevisionError extends InfrastructureError {
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      'WRONG_EXPECTED_REVISION',
      `stream ${streamId}: expected revision ${expected}, found ${actual}`,
      true,
    );
  }
}
