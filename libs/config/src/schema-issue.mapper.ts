import type { ErrorObject } from 'ajv';
import type { ConfigErrorCode } from './config-error';
import { didYouMean } from './did-you-mean';
import type { KeyPath } from './yaml-source';

export interface SchemaIssue {
  code: ConfigErrorCode;
  path: KeyPath;
  detail: string;
  /** Unknown or badly named keys: at the key; all others: at the value. */
  at: 'key' | 'value';
}

/**
 * Turns Ajv's errors (allErrors, verbose) into one issue per problem. For
 * `anyOf` the branch whose type fits the value speaks; the bare "no branch
 * matched" is reported only when no branch fits at all.
 */
export function schemaIssues(errors: readonly ErrorObject[]): SchemaIssue[] {
  const anyOfPaths = new Set(
    errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath),
  );
  const kept = errors.filter(
    (e) =>
      e.keyword !== 'propertyNames' &&
      !(e.keyword === 'type' && anyOfPaths.has(e.instancePath)),
  );
  return kept
    .filter((e) => e.keyword !== 'anyOf' || !hasInnerError(e, kept))
    .map(toIssue);
}

function hasInnerError(anyOf: ErrorObject, errors: ErrorObject[]): boolean {
  return errors.some(
    (e) => e !== anyOf && isWithin(e.instancePath, anyOf.instancePath),
  );
}

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

const DETAILS: Readonly<Record<string, (error: ErrorObject) => string>> = {
  required: ({ params }) => `missing required key "${params.missingProperty}"`,
  type: ({ params, data }) =>
    `expected ${typeName(params.type)}, got ${describe(data)}`,
  enum: ({ params, data }) => {
    const allowed = (params.allowedValues as unknown[]).map(String);
    const hint = didYouMean(String(data), allowed);
    return `expected one of ${allowed.join(', ')}, got "${data}"${hint}`;
  },
  const: ({ params, data }) =>
    `expected "${params.allowedValue}", got "${String(data)}"`,
  anyOf: ({ parentSchema }) =>
    `expected ${parentSchema?.title ?? 'another form'}`,
};

function toIssue(error: ErrorObject): SchemaIssue {
  const path = pointerToPath(error.instancePath);
  if (error.propertyName !== undefined) {
    const name = error.propertyName;
    const detail = `invalid name "${name}": use letters, digits, _ . or -`;
    return { code: 'CONFIG_INVALID', path: [...path, name], detail, at: 'key' };
  }
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    const known = Object.keys(error.parentSchema?.properties ?? {});
    const detail = `unknown key "${key}"${didYouMean(key, known)}`;
    return {
      code: 'CONFIG_UNKNOWN_KEY',
      path: [...path, key],
      detail,
      at: 'key',
    };
  }
  const detail =
    DETAILS[error.keyword]?.(error) ?? error.message ?? 'invalid value';
  const at = error.keyword === 'required' ? 'key' : 'value';
  return { code: 'CONFIG_INVALID', path, detail, at };
}

function pointerToPath(pointer: string): KeyPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function typeName(type: unknown): string {
  const names = Array.isArray(type) ? type : [type];
  const article = (name: string) =>
    name === 'object' ? 'a mapping' : `a ${name}`;
  return names
    .map((name) => article(name === 'array' ? 'list' : String(name)))
    .join(' or ');
}

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}
