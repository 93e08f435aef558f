import { evolve, initialState, type EscalationState } from '@qms/domain';
import {
  CatchUp,
  type EventStore,
  type Logger,
  type StoredEvent,
} from '@qms/ports';

const PREFIX = 'escalation-';

/**
 * Follows every escalation stream from the start of the store and hands
 * each state with a deadline to `track`. Every escalation instance thus
 * knows every deadline, including those of partitions it takes over in
 * a rebalance (it fires only its own). Should two fire one deadline
 * around a rebalance, that is harmless: the command id derives from the
 * revision and a stale revision is refused.
 */
export class DueIndexFollower {
  private readonly states = new Map<string, EscalationState>();
  private readonly catchUp: CatchUp;

  constructor(
    store: EventStore,
    logger: Logger,
    private readonly track: (state: EscalationState) => void,
  ) {
    this.catchUp = new CatchUp(store, logger, {
      name: 'due-index',
      load: async () => 0,
      handle: async (events) => this.apply(events),
    });
  }

  /** Resolves once every stored event has been applied. */
  start(): Promise<void> {
    return this.catchUp.start();
  }

  stop(): Promise<void> {
    return this.catchUp.stop();
  }

  get tracked(): number {
    return this.states.size;
  }

  private apply(events: StoredEvent[]): void {
    const changed = new Map<string, EscalationState>();
    for (const e of events) {
      if (!e.streamId.startsWith(PREFIX)) continue;
      const id = e.streamId.slice(PREFIX.length);
      const state = evolve(this.states.get(id) ?? initialState(id), e);
      changed.set(id, state);
      // A closed escalation takes no more deadlines: forget it.
      if (state.status === 'closed') this.states.delete(id);
      else this.states.set(id, state);
    }
    for (const state of changed.values()) this.track(state);
  }
}
