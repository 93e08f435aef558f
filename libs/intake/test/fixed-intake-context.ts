import type { IntakeContext } from '../src/intake-context';

export const ACCEPTED_AT = '2025-03-01T12:00:00.000Z';

/** A context whose ids are predictable: `new-1`, `new-2`...; `for:<seed>`. */
export function fixedIntakeContext(
  overrides: Partial<IntakeContext> = {},
): IntakeContext {
  let issued = 0;
  return {
    acceptedAt: ACCEPTED_AT,
    newId: () => `new-${++issued}`,
    idFor: (seed) => `for:${seed}`,
    ...overrides,
  };
}
