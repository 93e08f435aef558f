import type { Provider } from '@nestjs/common';
import type { RuntimeSettings } from '@qms/config';
import { KafkaMessageBus } from '@qms/kafka';
import { traceBus, type Tracing } from '@qms/observability';
import {
  DOCUMENT_STORE,
  EVENT_STORE,
  MESSAGE_BUS,
  TOPICS,
  type Logger,
} from '@qms/ports';
import type { Adapters, PortNeeds } from './adapters';
import { distributedDocuments } from './distributed-documents';
import { distributedEventStore } from './distributed-event-store';

/**
 * Distributed: Kafka for topics, MongoDB for read models and service
 * state, EventStoreDB (or the escalation service's own SQLite file) for
 * the event store. Each process binds only the ports it needs.
 */
export async function distributedAdapters(
  settings: RuntimeSettings,
  logger: Logger,
  needs: PortNeeds,
  tracing?: Tracing,
): Promise<Adapters> {
  const providers: Provider[] = [];
  const closers: Array<() => Promise<void>> = [];
  const ports: Adapters['ports'] = {};
  if (needs.bus) {
    const kafka = new KafkaMessageBus({
      brokers: settings.kafkaBrokers,
      clientId: settings.instanceId,
      sessionTimeoutMs: settings.kafkaSessionTimeoutMs,
      logger,
    });
    await kafka.ensureTopics(Object.values(TOPICS));
    const bus = traceBus(kafka, tracing, 'kafka');
    ports.bus = bus;
    providers.push({ provide: MESSAGE_BUS, useValue: bus });
    closers.push(() => bus.close());
  }
  const events = await distributedEventStore(settings, needs.eventStore);
  if (events) {
    ports.eventStore = events.store;
    providers.push({ provide: EVENT_STORE, useValue: events.store });
    closers.push(events.close);
  }
  if (needs.documents) {
    const documents = await distributedDocuments(settings);
    ports.documents = documents;
    providers.push({ provide: DOCUMENT_STORE, useValue: documents });
    closers.push(() => documents.close());
  }
  return {
    ports,
    providers,
    close: async () => {
      for (const close of closers.reverse()) await close();
    },
  };
}
