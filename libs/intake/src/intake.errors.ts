/**
 * Stable reasons a signal is rejected. `FIELD_REQUIRED`: a field we need is
 * absent. `FIELD_TYPE`: a field (or the body) has the wrong JSON type.
 * `FIELD_INVALID`: right type, value not allowed (blank, too long, not one
 * of the allowed values, not a valid time). `BODY_TOO_DEEP`: objects and
 * arrays nest deeper than MAX_BODY_DEPTH; the path names the first value
 * too deep (the HTTP edge answers the same code for bodies too deep to
 * parse, with path `''`).
 */
export type IntakeErrorCode =
  'FIELD_REQUIRED' | 'FIELD_TYPE' | 'FIELD_INVALID' | 'BODY_TOO_DEEP';

/**
 * A signal that cannot be normalised. `path` is a JSON pointer to the
 * offending field (`/alerts/0/labels`); for a missing field it names the
 * missing field itself (`/source`); `''` is the whole body. Messages never
 * quote field values, so secrets in a payload cannot leak through them.
 */
export class IntakeError extends Error {
  override readonly name: string = 'IntakeError';

  constructor(
    readonly code: IntakeErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** The response body PagerDuty's Events API v2 gives an invalid event. */
export interface PagerDutyErrorBody {
  status: 'invalid event';
  message: 'Event object is invalid';
  /** One human sentence per problem, naming the field (`'payload.summary'`). */
  errors: string[];
}

/**
 * A rejected PagerDuty event. `code`, `path` and `message` describe the
 * first problem; `body` lists every problem the way PagerDuty answers.
 */
export class PagerDutyError extends IntakeError {
  override readonly name: string = 'PagerDutyError';

  constructor(
    code: IntakeErrorCode,
    path: string,
    message: string,
    readonly body: PagerDutyErrorBody,
  ) {
    super(code, path, message);
  }
}
