import type { ConditionValue, ThresholdScope } from './condition.types';

/**
 * A scope that looks a name up in `maps` in order, first hit wins: pass a
 * rule group's `custom_thresholds` before the top-level `thresholds`.
 */
export function thresholdScope(
  ...maps: Array<Record<string, ConditionValue>>
): ThresholdScope {
  return {
    lookup(name: string): ConditionValue | undefined {
      const map = maps.find((candidate) => Object.hasOwn(candidate, name));
      return map?.[name];
    },
  };
}
