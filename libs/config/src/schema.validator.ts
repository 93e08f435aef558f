import Ajv, { type ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ConfigContext } from './config-context';
import { schemaIssues } from './schema-issue.mapper';

/** Where the JSON Schema lives, relative to the repository root. */
export const SCHEMA_FILE = join('config', 'qms.schema.json');

let compiled: ValidateFunction | undefined;

/**
 * Finds config/qms.schema.json above this module, so the same code works
 * from the sources (libs/config/src) and from the build (dist/libs/...).
 */
export function schemaFilePath(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, SCHEMA_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) {
      throw new Error(`${SCHEMA_FILE} not found above ${from}`);
    }
  }
}

export function configSchemaValidator(): ValidateFunction {
  compiled ??= new Ajv({
    allErrors: true,
    verbose: true,
    allowUnionTypes: true,
  }).compile(JSON.parse(readFileSync(schemaFilePath(), 'utf8')));
  return compiled;
}

/** Reports every schema violation in `data`; true when there is none. */
export function validateAgainstSchema(
  context: ConfigContext,
  data: unknown,
): boolean {
  const validate = configSchemaValidator();
  if (validate(data)) return true;
  for (const issue of schemaIssues(validate.errors ?? [])) {
    context.report(issue.code, issue.path, issue.detail, issue.at);
  }
  return false;
}
