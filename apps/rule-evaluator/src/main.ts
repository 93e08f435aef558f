import 'reflect-metadata';
import { runMain } from '@qms/runtime';
import { RuleEvaluatorModule } from './rule-evaluator.module';

/** The rule-evaluator as its own process (distributed mode). */
runMain(
  {
    service: 'rule-evaluator',
    modules: [RuleEvaluatorModule],
    needs: { bus: true },
  },
  { defaultPort: 8082 },
);
