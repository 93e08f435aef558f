export type ConfigErrorCode =
  | 'CONFIG_UNREADABLE'
  | 'CONFIG_SYNTAX'
  | 'CONFIG_UNKNOWN_KEY'
  | 'CONFIG_INVALID'
  | 'CONFIG_CONDITION'
  | 'CONFIG_UNKNOWN_ROLE'
  | 'CONFIG_TEMPLATE'
  | 'CONFIG_ENV_MISSING';

/** One problem in a config file. `line`/`column` are 1-based; 0 if unknown. */
export interface ConfigIssue {
  code: ConfigErrorCode;
  file: string;
  line: number;
  column: number;
  /** Dotted path of the bad value, e.g. `levels.l0_critical.response_time`. */
  keyPath: string;
  /** What was expected, without the position prefix. */
  detail: string;
  /** `file:line:column keyPath: detail`. */
  message: string;
}

export function formatIssue(issue: Omit<ConfigIssue, 'message'>): string {
  const at = issue.line > 0 ? `:${issue.line}:${issue.column}` : '';
  const path = issue.keyPath ? ` ${issue.keyPath}` : '';
  return `${issue.file}${at}${path}: ${issue.detail}`;
}

/**
 * Every problem found in one config file. The first issue is the main
 * message (and supplies code, position and keyPath); the others follow
 * on their own lines. Messages never contain environment values.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code: ConfigErrorCode;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly keyPath: string;

  constructor(
    readonly errors: readonly ConfigIssue[],
    options?: { cause?: unknown },
  ) {
    super(errors.map((issue) => issue.message).join('\n'), options);
    const [first] = errors;
    this.code = first.code;
    this.file = first.file;
    this.line = first.line;
    this.column = first.column;
    this.keyPath = first.keyPath;
  }
}
