import type {
  DocumentStore,
  DocumentWrite,
  EventStore,
  StoredEvent,
} from '@qms/ports';
import { ESCALATIONS, type EscalationDocument } from './escalation-document';
import { projectEscalation } from './project-escalation';

const CHECKPOINTS = 'checkpoints';
export const PROJECTION = 'escalations-projection';
const PAGE = 1000;

export async function loadCheckpoint(docs: DocumentStore): Promise<number> {
  const doc = await docs
    .collection<{ position: number }>(CHECKPOINTS)
    .get(PROJECTION);
  return doc?.position ?? 0;
}

/**
 * Folds a batch of stored events into the escalation documents and moves
 * the checkpoint in the same write, so a crash neither skips nor doubles.
 */
export async function projectBatch(
  docs: DocumentStore,
  events: StoredEvent[],
): Promise<void> {
  const collection = docs.collection<EscalationDocument>(ESCALATIONS);
  const folded = new Map<string, EscalationDocument | undefined>();
  for (const e of events) {
    if (!e.streamId.startsWith('escalation-')) continue;
    const id = e.streamId.slice('escalation-'.length);
    if (!folded.has(id)) folded.set(id, await collection.get(id));
    folded.set(id, projectEscalation(folded.get(id), e));
  }
  const writes: DocumentWrite[] = [...folded].flatMap(([id, doc]) =>
    doc ? [{ collection: ESCALATIONS, id, doc }] : [],
  );
  const position = events[events.length - 1].position;
  const checkpoint = {
    collection: CHECKPOINTS,
    id: PROJECTION,
    doc: { position },
  };
  await docs.write([...writes, checkpoint]);
}

/**
 * Drops the escalation read model and replays it from the event store,
 * reporting the number of events projected after each page.
 */
export async function rebuildProjection(
  store: EventStore,
  docs: DocumentStore,
  progress: (projected: number) => void,
): Promise<number> {
  await docs.drop(ESCALATIONS);
  await docs.write([{ collection: CHECKPOINTS, id: PROJECTION, doc: null }]);
  let projected = 0;
  for (let position = 0; ;) {
    const events = await store.readAll(position, PAGE);
    if (events.length === 0) return projected;
    await projectBatch(docs, events);
    projected += events.length;
    position = events[events.length - 1].position;
    progress(projected);
  }
}
