import { CorrelatorModule } from '@qms/correlator';
import { EscalationModule } from '@qms/escalation';
import { IngestorModule } from '@qms/ingestor';
import { NotifierModule } from '@qms/notifier';
import { ProjectorModule } from '@qms/projector';
import { RuleEvaluatorModule } from '@qms/rule-evaluator';
import type { AppSpec } from '@qms/runtime';

/** All six services in one process (standalone mode). */
export const standalone: AppSpec = {
  service: 'qms',
  modules: [
    IngestorModule,
    RuleEvaluatorModule,
    CorrelatorModule,
    EscalationModule,
    NotifierModule,
    ProjectorModule,
  ],
  needs: { bus: true, eventStore: 'owner', documents: true },
};
