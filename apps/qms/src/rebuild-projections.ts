import type { RuntimeSettings } from '@qms/config';
import { createLogger } from '@qms/observability';
import { rebuildProjection } from '@qms/projector';
import { createAdapters } from '@qms/runtime';

/**
 * `qms projections rebuild`: replays the event store into the read
 * models of the mode's document store. Run it with the projector stopped.
 */
export async function rebuildProjections(
  settings: RuntimeSettings,
  progress: (projected: number) => void,
): Promise<number> {
  const logger = createLogger({ level: settings.logLevel, service: 'qms' });
  const needs = { eventStore: 'owner' as const, documents: true };
  const adapters = await createAdapters(settings, logger, needs);
  const { eventStore, documents } = adapters.ports;
  try {
    return await rebuildProjection(eventStore!, documents!, progress);
  } finally {
    await adapters.close();
  }
}
