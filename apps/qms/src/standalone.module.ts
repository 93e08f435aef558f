import { Module, type DynamicModule } from '@nestjs/common';
import { CorrelatorModule } from '../../correlator/src/correlator.module';
import { EscalationModule } from '../../escalation/src/escalation.module';
import { IngestorModule } from '../../ingestor/src/ingestor.module';
import { NotifierModule } from '../../notifier/src/notifier.module';
import { ProjectorModule } from '../../projector/src/projector.module';
import { RuleEvaluatorModule } from '../../rule-evaluator/src/rule-evaluator.module';
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
