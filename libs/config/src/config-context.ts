import {
  formatIssue,
  type ConfigErrorCode,
  type ConfigIssue,
} from './config-error';
import {
  formatKeyPath,
  type KeyPath,
  type SourcePosition,
  type YamlSource,
} from './yaml-source';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * What every reader of a config section shares: the source for positions,
 * the environment for `${NAME}` references, and the list of problems so
 * that one load reports all of them.
 */
export class ConfigContext {
  readonly issues: ConfigIssue[] = [];

  constructor(
    readonly file: string,
    readonly source: YamlSource,
    readonly env: Env,
  ) {}

  /** Reports at the value of `path`, its key, or an explicit position. */
  report(
    code: ConfigErrorCode,
    path: KeyPath,
    detail: string,
    at: SourcePosition | 'key' | 'value' = 'value',
  ): void {
    const position =
      typeof at === 'string' ? this.source.position(path, at) : at;
    const issue = {
      code,
      file: this.file,
      line: position.line,
      column: position.column,
      keyPath: formatKeyPath(path),
      detail,
    };
    this.issues.push({ ...issue, message: formatIssue(issue) });
  }
}
