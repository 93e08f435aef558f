import { PagerDutyError } from '../intake.errors';
import type { Violation } from '../schema-validation';

/**
 * The PagerDutyError for `violations` (at least one): every problem is
 * listed in the body, named by dotted field path as PagerDuty does.
 */
export function pagerDutyError(violations: Violation[]): PagerDutyError {
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
