export type ConditionErrorCode = 'CONDITION_SYNTAX' | 'CONDITION_UNKNOWN_NAME';

export interface ConditionErrorDetails {
  code: ConditionErrorCode;
  /** What went wrong, without the position: `Expected "]" but ...`. */
  reason: string;
  /** The whole condition as written. */
  text: string;
  offset: number;
  line: number;
  column: number;
  cause?: unknown;
}

/**
 * A condition that cannot be compiled. `offset` is 0-based; `line` and
 * `column` are 1-based. The message quotes the offending line with a caret.
 */
export class ConditionError extends Error {
  readonly code: ConditionErrorCode;
  readonly text: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;

  constructor(details: ConditionErrorDetails) {
    super(formatMessage(details), { cause: details.cause });
    this.name = 'ConditionError';
    this.code = details.code;
    this.text = details.text;
    this.offset = details.offset;
    this.line = details.line;
    this.column = details.column;
  }
}

function formatMessage(details: ConditionErrorDetails): string {
  const { reason, text, line, column } = details;
  const sourceLine = text.split(/\r?\n/)[line - 1] ?? '';
  const caret = ' '.repeat(column - 1) + '^';
  return (
    `${reason} at line ${line}, column ${column}:\n` +
    `  ${sourceLine}\n  ${caret}`
  );
}
