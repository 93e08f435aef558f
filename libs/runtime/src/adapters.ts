import type { Provider } from '@nestjs/common';
import type { RuntimeSettings } from '@qms/config';
import type { Tracing } from '@qms/observability';
import type { DocumentStore, EventStore, Logger, MessageBus } from '@qms/ports';
import { sqliteAdapters } from './sqlite-adapters';

/** Which ports a process binds; distributed services bind only theirs. */
export interface PortNeeds {
  bus?: boolean;
  /**
   * `owner` appends (the escalation service); `reader` only reads and,
   * when the store is the owner's SQLite file, does without one.
   */
  eventStore?: 'owner' | 'reader';
  documents?: boolean;
}

export interface Adapters {
  /** The same adapters, for tools that run without Nest. */
  ports: {
    bus?: MessageBus;
    eventStore?: EventStore;
    documents?: DocumentStore;
  };
  providers: Provider[];
  /** Closes connections and files after the services have stopped. */
  close(): Promise<void>;
}

/**
 * The one place adapters are chosen, by mode and settings. With tracing,
 * the bus is wrapped so every hop of a message is a span.
 */
export async function createAdapters(
  settings: RuntimeSettings,
  logger: Logger,
  needs: PortNeeds,
  tracing?: Tracing,
): Promise<Adapters> {
  if (settings.mode === 'standalone')
    return sqliteAdapters(settings.dataDir, logger, tracing);
  const { distributedAdapters } = await import('./distributed-adapters');
  return distributedAdapters(settings, logger, needs, tracing);
}
