import 'reflect-metadata';
import { runMain } from '@qms/runtime';
import { EscalationModule } from './escalation.module';

/** The escalation as its own process (distributed mode). */
runMain(
  {
    service: 'escalation',
    modules: [EscalationModule],
    needs: { bus: true, eventStore: 'owner', documents: true },
  },
  { defaultPort: 8084 },
);
