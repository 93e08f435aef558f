import type { RuntimeSettings } from '@qms/config';
import type { Logger } from '@qms/ports';
import type { Adapters, PortNeeds } from './adapters';

/** Distributed: Kafka, MongoDB, EventStoreDB or the escalation's SQLite. */
export async function distributedAdapters(
  settings: RuntimeSettings,
  logger: Logger,
  needs: PortNeeds,
): Promise<Adapters> {
  throw new Error(
    `distributed mode is not wired yet ${JSON.stringify(needs)} ${settings.mode} ${typeof logger}`,
  );
}
