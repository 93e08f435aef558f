export * from './rule-evaluator.module';
