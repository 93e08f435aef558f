import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';

const SHIPPED = resolve(__dirname, '../../../../config/qms.yaml');

/** `[path, value]`: a path of keys into the YAML, and its new value. */
export type ConfigEdit = [string[], unknown];

/**
 * Copies the shipped config into `dir` with `edits` applied and returns
 * the new file's path.
 */
export function writeTestConfig(dir: string, edits: ConfigEdit[]): string {
  const doc = parseDocument(readFileSync(SHIPPED, 'utf8'));
  for (const [path, value] of edits) {
    if (!doc.hasIn(path)) throw new Error(`no ${path.join('.')} in config`);
    doc.setIn(path, value);
  }
  const file = join(dir, 'qms.yaml');
  writeFileSync(file, doc.toString());
  return file;
}

/**
 * L0 (and the secrets rule, whose `timeout` overrides the level's) waits
 * `ackTimeout` per step and re-pages every `repeat` at the last step.
 */
export function fastL0(ackTimeout: string, repeat: string): ConfigEdit[] {
  return [
    [['levels', 'l0_critical', 'acknowledgment_timeout'], ackTimeout],
    [['levels', 'l0_critical', 'auto_escalation'], repeat],
    [['security_escalations', 'secrets_exposed', 'timeout'], ackTimeout],
  ];
}
