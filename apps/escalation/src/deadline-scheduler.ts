import type { EscalationState } from '@qms/domain';
import type { Clock, Logger } from '@qms/ports';
import { Heap } from 'heap-js';

interface Due {
  escalationId: string;
  at: number;
  revision: number;
}

/** Longest single timer; long deadlines are re-armed in steps. */
const MAX_TIMER_MS = 60_000;

/**
 * The due-index: the next deadline of every open escalation, earliest
 * first. Fires `fire(escalationId, revision)` when one falls due; the
 * revision lets the aggregate refuse a stale firing, and the command id
 * derived from it makes a repeated firing a no-op.
 */
export class DeadlineScheduler {
  private readonly current = new Map<string, Due>();
  private readonly revisions = new Map<string, number>();
  private readonly heap = new Heap<Due>((a, b) => a.at - b.at);
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly fire: (
      escalationId: string,
      revision: number,
    ) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  /**
   * Tracks the state's deadline, replacing the one of an older revision;
   * a state older than the one tracked changes nothing.
   */
  track(state: EscalationState): void {
    const revision = state.version - 1;
    if (revision < (this.revisions.get(state.id) ?? -1)) return;
    this.revisions.set(state.id, revision);
    const deadline = state.nextDeadline;
    if (!deadline) {
      this.current.delete(state.id);
      if (state.status === 'closed') this.revisions.delete(state.id);
      return;
    }
    const due = {
      escalationId: state.id,
      at: Date.parse(deadline.at),
      revision,
    };
    this.current.set(state.id, due);
    this.heap.push(due);
    this.arm();
  }

  get size(): number {
    return this.current.size;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private arm(): void {
    if (this.stopped) return;
    const next = this.peekLive();
    clearTimeout(this.timer);
    if (!next) return;
    const wait = Math.max(
      0,
      Math.min(next.at - this.clock.now().getTime(), MAX_TIMER_MS),
    );
    this.timer = setTimeout(() => void this.fireDue(), wait);
  }

  private peekLive(): Due | undefined {
    let top = this.heap.peek();
    while (top && this.current.get(top.escalationId) !== top) {
      this.heap.pop();
      top = this.heap.peek();
    }
    return top;
  }

  private async fireDue(): Promise<void> {
    const now = this.clock.now().getTime();
    const due: Due[] = [];
    for (
      let top = this.peekLive();
      top && top.at <= now;
      top = this.peekLive()
    ) {
      this.heap.pop();
      this.current.delete(top.escalationId);
      due.push(top);
    }
    await Promise.all(due.map((d) => this.fireOne(d)));
    this.arm();
  }

  private async fireOne(d: Due): Promise<void> {
    try {
      await this.fire(d.escalationId, d.revision);
    } catch (error) {
      const fields = { escalationId: d.escalationId, error: String(error) };
      this.logger.warn(fields, 'deadline firing failed; retrying');
      if (!this.current.has(d.escalationId)) {
        const retry = { ...d, at: this.clock.now().getTime() + 1000 };
        this.current.set(d.escalationId, retry);
        this.heap.push(retry);
      }
    }
  }
}
