import { initialState, type EscalationState } from '@qms/domain';
import { silentLogger } from '@qms/ports';
import { DeadlineScheduler } from './deadline-scheduler';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
let now = T0;
const clock = { now: () => new Date(now) };

function state(
  id: string,
  version: number,
  dueInSec?: number,
): EscalationState {
  const nextDeadline =
    dueInSec === undefined
      ? undefined
      : {
          at: new Date(T0 + dueInSec * 1000).toISOString(),
          kind: 'escalate' as const,
        };
  return { ...initialState(id), status: 'active', version, nextDeadline };
}

async function advance(ms: number) {
  now += ms;
  await jest.advanceTimersByTimeAsync(ms);
}

describe('DeadlineScheduler', () => {
  let fired: Array<[string, number]>;
  let scheduler: DeadlineScheduler;

  beforeEach(() => {
    jest.useFakeTimers();
    now = T0;
    fired = [];
    scheduler = new DeadlineScheduler(
      clock,
      async (id, rev) => void fired.push([id, rev]),
      silentLogger,
    );
    scheduler.own(() => true);
  });

  afterEach(() => {
    scheduler.stop();
    jest.useRealTimers();
  });

  it('fires a deadline once, when due, with the revision it came from', async () => {
    scheduler.track(state('a', 2, 10));
    await advance(9_000);
    expect(fired).toEqual([]);
    await advance(2_000);
    await advance(60_000);
    expect(fired).toEqual([['a', 1]]);
  });

  it('replaces a deadline by the newer revision, never by an older one', async () => {
    scheduler.track(state('a', 4, 20));
    scheduler.track(state('a', 2, 5));
    await advance(10_000);
    expect(fired).toEqual([]);
    await advance(11_000);
    expect(fired).toEqual([['a', 3]]);
  });

  it('forgets the deadline of a state that has none any more', async () => {
    scheduler.track(state('a', 2, 5));
    scheduler.track(state('a', 3));
    await advance(10_000);
    expect(fired).toEqual([]);
  });

  it('fires an overdue deadline at once and the earliest first', async () => {
    scheduler.track(state('late', 2, 30));
    scheduler.track(state('overdue', 2, -60));
    await advance(1);
    expect(fired).toEqual([['overdue', 1]]);
  });

  it('parks a due deadline another instance owns and fires it once handed over', async () => {
    scheduler.own((id) => id === 'mine');
    scheduler.track(state('mine', 2, 5));
    scheduler.track(state('theirs', 2, 5));
    await advance(6_000);
    expect(fired).toEqual([['mine', 1]]);
    expect(scheduler.size).toBe(1);

    scheduler.own(() => true); // the owner left; its partitions are ours
    await advance(1);
    expect(fired).toEqual([
      ['mine', 1],
      ['theirs', 1],
    ]);
  });

  it('fires nothing for escalations handed to another instance', async () => {
    scheduler.track(state('a', 2, 5));
    scheduler.own(() => false);
    await advance(10_000);
    expect(fired).toEqual([]);
  });

  it('drops a parked deadline that a newer state replaced', async () => {
    scheduler.own(() => false);
    scheduler.track(state('a', 2, 5));
    await advance(6_000);
    scheduler.track(state('a', 3)); // acknowledged meanwhile: no deadline
    scheduler.own(() => true);
    await advance(1);
    expect(fired).toEqual([]);
    expect(scheduler.size).toBe(0);
  });
});
