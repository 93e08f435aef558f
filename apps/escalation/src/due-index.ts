import { evolve, initialState, type EscalationState } from '@qms/domain';
import type { EventStore } from '@qms/ports';

const PAGE = 5000;

/**
 * Replays every escalation stream to find the open ones' deadlines, so
 * none is lost across a restart. Returns how many have a deadline.
 */
export async function rebuildDueIndex(
  store: EventStore,
  track: (state: EscalationState) => void,
): Promise<number> {
  const states = new Map<string, EscalationState>();
  for (let position = 0; ;) {
    const events = await store.readAll(position, PAGE);
    if (events.length === 0) break;
    for (const e of events) {
      if (!e.streamId.startsWith('escalation-')) continue;
      const id = e.streamId.slice('escalation-'.length);
      states.set(id, evolve(states.get(id) ?? initialState(id), e));
    }
    position = events[events.length - 1].position;
  }
  let tracked = 0;
  for (const state of states.values()) {
    if (!state.nextDeadline) continue;
    track(state);
    tracked++;
  }
  return tracked;
}
