import 'reflect-metadata';
import { runMain } from '@qms/runtime';
import { NotifierModule } from './notifier.module';

/** The notifier as its own process (distributed mode). */
runMain(
  {
    service: 'notifier',
    modules: [NotifierModule],
    needs: { bus: true, documents: true },
  },
  { defaultPort: 8085 },
);
