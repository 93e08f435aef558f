import 'reflect-metadata';
import { runMain } from '@qms/runtime';
import { IngestorModule } from './ingestor.module';

/** The ingestor as its own process (distributed mode). */
runMain(
  { service: 'ingestor', modules: [IngestorModule], needs: { bus: true } },
  { defaultPort: 8080 },
);
