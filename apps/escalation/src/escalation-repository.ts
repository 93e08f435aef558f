import {
  initialState,
  replay,
  type EscalationEvent,
  type EscalationState,
} from '@qms/domain';
import type { EventStore } from '@qms/ports';
import { v5 as uuidv5 } from 'uuid';

const EVENT_NS = '9b2d4c1a-5e6f-4a8b-9c0d-1e2f3a4b5c6d';

export const streamOf = (escalationId: string) => `escalation-${escalationId}`;

/** Event ids derive from the command id: a redelivered command adds nothing. */
export function eventId(commandId: string, index: number): string {
  return uuidv5(`${commandId}#${index}`, EVENT_NS);
}

/**
 * Loads escalations from their streams, keeping recent states in memory
 * (an escalation's stream has a single writer: the partition's owner).
 */
export class EscalationRepository {
  private readonly cache = new Map<string, EscalationState>();

  constructor(
    private readonly store: EventStore,
    private readonly maxCached = 50_000,
  ) {}

  async load(escalationId: string): Promise<EscalationState> {
    const cached = this.cache.get(escalationId);
    if (cached) return cached;
    const events = await this.store.readStream(streamOf(escalationId));
    return replay(initialState(escalationId), events);
  }

  /**
   * Appends; a duplicate or conflict drops the cached state. The command's
   * traceparent goes into each event's metadata, for the relay to carry on.
   */
  async append(
    state: EscalationState,
    commandId: string,
    events: EscalationEvent[],
    traceparent?: string,
  ): Promise<EscalationState | undefined> {
    const metadata = traceparent ? { traceparent } : undefined;
    const result = await this.store.append(
      streamOf(state.id),
      events.map((e, i) => ({
        id: eventId(commandId, i),
        type: e.type,
        data: e.data,
        metadata,
      })),
      state.version - 1,
    );
    if (result.duplicate) {
      this.cache.delete(state.id);
      return undefined;
    }
    const next = replay(state, events);
    this.remember(next);
    return next;
  }

  forget(escalationId: string): void {
    this.cache.delete(escalationId);
  }

  private remember(state: EscalationState): void {
    this.cache.delete(state.id);
    this.cache.set(state.id, state);
    if (this.cache.size > this.maxCached) {
      this.cache.delete(this.cache.keys().next().value as string);
    }
  }
}
