import type { EscalationState } from '@qms/domain';
import type { Clock, KeyOwnership, Logger } from '@qms/ports';
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
 *
 * It fires only the deadlines of escalations it owns (their commands'
 * partitions are held by this instance); one that falls due elsewhere
 * is parked, and fired at once if a rebalance hands it over. Until told
 * otherwise it owns nothing.
 */
export class DeadlineScheduler {
  private readonly current = new Map<string, Due>();
  private readonly revisions = new Map<string, number>();
  private readonly heap = new Heap<Due>((a, b) => a.at - b.at);
  /** Due deadlines of escalations another instance owns. */
  private readonly parked = new Map<string, Due>();
  private owns: KeyOwnership = () => false;
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
    this.parked.delete(state.id);
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
    this.schedule(due);
  }

  /** Takes the escalations `owns` says are this instance's now. */
  own(owns: KeyOwnership): void {
    this.owns = owns;
    for (const [id, due] of this.parked) {
      if (!owns(id)) continue;
      this.parked.delete(id);
      this.schedule(due);
    }
  }

  private schedule(due: Due): void {
    this.current.set(due.escalationId, due);
    this.heap.push(due);
    this.arm();
  }

  /** Deadlines known, owned or not. */
  get size(): number {
    return this.current.size + this.parked.size;
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
      if (this.owns(top.escalationId)) due.push(top);
      else this.parked.set(top.escalationId, top);
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
