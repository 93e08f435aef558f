import type { ValidateFunction } from 'ajv';

import { PagerDutyError } from '../intake.errors';
import { violationsOf, type Violation } from '../schema-validation';

/**
 * The PagerDutyError for the last failed validation: every problem is
 * listed in the body, named by dotted field path as PagerDuty does.
 */
export function pagerDutyError(validate: ValidateFunction): PagerDutyError {
  const violations = violationsOf(validate);
  const [first] = violations;
  return new PagerDutyError(first.code, first.path, sentence(first), {
    status: 'invalid event',
    message: 'Event object is invalid',
    errors: violations.map(sentence),
  });
}

function sentence({ path, problem }: Violation): string {
  if (path === '') return `Event ${problem}`;
  const dotted = path
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
  return `'${dotted}' ${problem}`;
}
