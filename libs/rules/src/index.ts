export * from './condition.types';
export { compileCondition } from './compile-condition';
export { ConditionError } from './condition.error';
export { conditionNames } from './condition-names';
export { parseDurationSeconds } from './condition.parser';
export { thresholdScope } from './threshold-scope';
