import { Module, type DynamicModule } from '@nestjs/common';
import { CorrelatorModule } from '@qms/correlator';
import { EscalationModule } from '@qms/escalation';
import { IngestorModule } from '@qms/ingestor';
import { NotifierModule } from '@qms/notifier';
import { ProjectorModule } from '@qms/projector';
import { RuleEvaluatorModule } from '@qms/rule-evaluator';
import { CoreModule, type CoreOptions } from './core.module';

/** All six services in one process, on the adapters in `options`. */
@Module({})
export class StandaloneModule {
  static register(options: CoreOptions): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [
        CoreModule.register(options),
        IngestorModule,
        RuleEvaluatorModule,
        CorrelatorModule,
        EscalationModule,
        NotifierModule,
        ProjectorModule,
      ],
    };
  }
}
