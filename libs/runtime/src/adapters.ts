import type { Provider } from '@nestjs/common';
import type { RuntimeSettings } from '@qms/config';
import type { Logger } from '@qms/ports';
import { sqliteAdapters } from './sqlite-adapters';

/** Which ports a process binds; distributed services bind only theirs. */
export interface PortNeeds {
  bus?: boolean;
  eventStore?: boolean;
  documents?: boolean;
}

export interface Adapters {
  providers: Provider[];
  /** Closes connections and files after the services have stopped. */
  close(): Promise<void>;
}

/** The one place adapters are chosen, by mode and settings. */
export async function createAdapters(
  settings: RuntimeSettings,
  logger: Logger,
  needs: PortNeeds,
): Promise<Adapters> {
  if (settings.mode === 'standalone')
    return sqliteAdapters(settings.dataDir, logger);
  const { distributedAdapters } = await import('./distributed-adapters');
  return distributedAdapters(settings, logger, needs);
}
