import 'reflect-metadata';
import { runMain } from '@qms/runtime';
import { ProjectorModule } from './projector.module';

/** The projector as its own process (distributed mode). */
runMain(
  {
    service: 'projector',
    modules: [ProjectorModule],
    needs: { bus: true, eventStore: 'reader', documents: true },
  },
  { defaultPort: 8081 },
);
