import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

import { depthViolation } from './body-depth';
import { parseIso8601, parseRfc3339 } from './event-time';
import { IntakeError, type IntakeErrorCode } from './intake.errors';
import { escapePointer } from './json-pointer';

/** Pattern of a string that must hold at least one non-space character. */
export const NON_BLANK = '\\S';

/** One thing wrong with a payload, before it becomes an error. */
export interface Violation {
  code: IntakeErrorCode;
  /** JSON pointer; a missing property points at the property itself. */
  path: string;
  /** Sentence tail without the field name: `is required`. */
  problem: string;
}

// Two instances: stopping at the first failure bounds the work an untrusted
// body can cause; the PagerDuty endpoint must list every problem.
const firstFailure = createAjv(false);
const everyFailure = createAjv(true);

function createAjv(allErrors: boolean): Ajv {
  // Strict mode turns schema mistakes into errors at load time.
  const ajv = new Ajv({ allErrors, strict: true, strictRequired: false });
  ajv.addFormat('date-time', (text) => parseRfc3339(text) !== undefined);
  ajv.addFormat('iso8601-date-time', (text) => {
    return parseIso8601(text) !== undefined;
  });
  return ajv;
}

export function compileSchema<T>(
  schema: object,
  options: { allErrors?: boolean } = {},
): ValidateFunction<T> {
  const ajv = options.allErrors ? everyFailure : firstFailure;
  return ajv.compile<T>(schema);
}

/**
 * Returns `body` typed when it nests no deeper than MAX_BODY_DEPTH and
 * matches, else throws an IntakeError for the first violation. Depth is
 * checked first: it bounds the work every later step does on the body.
 */
export function validOrThrow<T>(
  validate: ValidateFunction<T>,
  body: unknown,
): T {
  const tooDeep = depthViolation(body);
  if (tooDeep) throw intakeError(tooDeep);
  if (validate(body)) return body;
  throw intakeError(violationsOf(validate)[0]);
}

function intakeError({ code, path, problem }: Violation): IntakeError {
  return new IntakeError(code, path, `${path || 'body'} ${problem}`);
}

/** The violations of the last failed call of `validate`, at least one. */
export function violationsOf(validate: ValidateFunction): Violation[] {
  const violations = (validate.errors ?? [])
    .filter((error) => error.keyword !== 'if')
    .map(toViolation);
  if (violations.length > 0) return violations;
  return [{ code: 'FIELD_INVALID', path: '', problem: 'is invalid' }];
}

function toViolation(error: ErrorObject): Violation {
  const path = error.instancePath;
  if (error.keyword === 'required') {
    const missing = escapePointer(String(error.params.missingProperty));
    return {
      code: 'FIELD_REQUIRED',
      path: `${path}/${missing}`,
      problem: 'is required',
    };
  }
  if (error.keyword === 'type') {
    const type = String(error.params.type);
    const article = /^[aeiou]/.test(type) ? 'an' : 'a';
    return { code: 'FIELD_TYPE', path, problem: `must be ${article} ${type}` };
  }
  return { code: 'FIELD_INVALID', path, problem: describeInvalid(error) };
}

const FORMAT_NAMES: Record<string, string> = {
  'date-time': 'an RFC 3339 date-time',
  'iso8601-date-time': 'an ISO 8601 date-time',
};

function describeInvalid({ keyword, params, message }: ErrorObject): string {
  if (keyword === 'maxLength') {
    return `must be at most ${params.limit} characters`;
  }
  if (keyword === 'enum') {
    return `must be one of ${params.allowedValues.join(', ')}`;
  }
  if (keyword === 'format') return `must be ${FORMAT_NAMES[params.format]}`;
  if (keyword === 'pattern' && params.pattern === NON_BLANK) {
    return 'must not be blank';
  }
  return message ?? 'is invalid';
}
