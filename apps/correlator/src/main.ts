import 'reflect-metadata';
import { runMain } from '@qms/runtime';
import { CorrelatorModule } from './correlator.module';

/** The correlator as its own process (distributed mode). */
runMain(
  {
    service: 'correlator',
    modules: [CorrelatorModule],
    needs: { bus: true, documents: true },
  },
  { defaultPort: 8083 },
);
