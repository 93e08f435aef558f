import { EscalationError } from './escalation.errors';
import type { EscalationEvent } from './escalation.events';
import {
  at,
  given,
  l0Policy,
  run,
  trigger,
  types,
} from './escalation.fixtures';

const fire = (sec: number, expectedRevision: number) => ({
  type: 'FireDeadline' as const,
  commandId: `fire-${sec}`,
  escalationId: 'esc-1',
  now: at(sec),
  expectedRevision,
});

const ack = (sec: number, via: 'api' | 'signal' = 'api') => ({
  type: 'AcknowledgeEscalation' as const,
  commandId: `ack-${sec}`,
  escalationId: 'esc-1',
  now: at(sec),
  by: 'jane',
  via,
});

const resolve = (sec: number, via: 'api' | 'signal' = 'signal') => ({
  type: 'ResolveEscalation' as const,
  commandId: `resolve-${sec}`,
  escalationId: 'esc-1',
  now: at(sec),
  by: 'alertmanager',
  via,
});

const pages = (events: EscalationEvent[]) =>
  events.flatMap((e) =>
    e.type === 'NotificationRequested' ? [[e.data.step, e.data.repeat]] : [],
  );

describe('escalation decider', () => {
  it('raises and pages the first step of the chain', () => {
    const events = given([]).when(trigger(0));
    expect(types(events)).toEqual([
      'EscalationRaised',
      'NotificationRequested',
    ]);
    expect(pages(events)).toEqual([[0, 0]]);
  });

  it('records an occurrence on an open escalation and pages nobody', () => {
    const history = run([trigger(0)]);
    const events = given(history).when(trigger(10));
    expect(types(events)).toEqual(['OccurrenceRecorded']);
  });

  it('climbs to the next step when the ack timeout passes', () => {
    const history = run([trigger(0)]);
    const { state, when } = given(history);
    expect(state.nextDeadline?.at).toBe(at(180));
    const events = when(fire(180, state.version - 1));
    expect(types(events)).toEqual([
      'EscalationAutoEscalated',
      'NotificationRequested',
    ]);
    expect(pages(events)).toEqual([[1, 0]]);
  });

  it('repeats the last step per auto-escalation until acknowledged', () => {
    let history = run([trigger(0)]);
    history = [...history, ...given(history).when(fire(180, 1))];
    const { state, when } = given(history);
    expect(state.nextDeadline).toEqual({ at: at(480), kind: 'repeat' });
    expect(pages(when(fire(480, state.version - 1)))).toEqual([[1, 1]]);
  });

  it('refuses a deadline computed from an older revision', () => {
    const history = run([trigger(0), trigger(5)]);
    const { when } = given(history);
    expect(() => when(fire(180, 1))).toThrow(EscalationError);
  });

  it('when acknowledged, a timeout escalates nothing', () => {
    const history = run([trigger(0), ack(30)]);
    const { state, when } = given(history);
    expect(state.nextDeadline).toBeUndefined();
    expect(when(fire(180, state.version - 1))).toEqual([]);
  });

  it('after downtime folds missed deadlines into one page', () => {
    const history = run([trigger(0)]);
    const events = given(history).when(fire(3600, 1));
    expect(pages(events)).toEqual([[1, 0]]);
    const escalated = events[0];
    expect(escalated.type).toBe('EscalationAutoEscalated');
    if (escalated.type !== 'EscalationAutoEscalated') return;
    expect(escalated.data.delaySec).toBe(3420);
    // due: secondary at 180, repeats at 480, 780 ... 3480 (11); one page
    expect(escalated.data.missedPages).toBe(11);
  });

  it('records a repeated resolve signal and refuses one from the API', () => {
    const history = run([trigger(0), resolve(60)]);
    expect(types(given(history).when(resolve(70)))).toEqual([
      'EscalationResolveRepeated',
    ]);
    expect(() => given(history).when(resolve(70, 'api'))).toThrow(
      expect.objectContaining({ code: 'ESCALATION_ALREADY_RESOLVED' }),
    );
  });

  it('reopens a resolved escalation that fires again, paging anew', () => {
    const history = run([trigger(0), resolve(60)]);
    const events = given(history).when(trigger(90));
    expect(types(events)).toEqual([
      'EscalationReopened',
      'NotificationRequested',
    ]);
    expect(pages(events)).toEqual([[0, 1]]);
  });

  it('refuses a trigger on a closed escalation', () => {
    const close = {
      type: 'CloseEscalation' as const,
      commandId: 'close',
      escalationId: 'esc-1',
      now: at(100),
      by: 'jane',
      via: 'api' as const,
    };
    const history = run([trigger(0), resolve(60), close]);
    expect(() => given(history).when(trigger(200))).toThrow(
      expect.objectContaining({ code: 'ESCALATION_CLOSED' }),
    );
  });

  it('a trigger that a resolve beat is recorded resolved without a page', () => {
    const early = { at: at(0), eventId: 'ev-resolve' };
    const events = given([]).when(trigger(5, { resolvedBeforeArrival: early }));
    expect(types(events)).toEqual(['EscalationRaised', 'EscalationResolved']);
  });

  it('a more severe match on an open escalation changes level and pages', () => {
    const level = 'L2_URGENT' as const;
    const history = run([
      trigger(0, { level, policy: { ...l0Policy, level } }),
    ]);
    const events = given(history).when(trigger(20));
    expect(types(events)).toEqual([
      'OccurrenceRecorded',
      'EscalationLevelChanged',
      'NotificationRequested',
    ]);
    expect(pages(events)).toEqual([[0, 1]]);
  });

  it('acknowledging twice changes nothing the second time', () => {
    const history = run([trigger(0), ack(10)]);
    expect(given(history).when(ack(20))).toEqual([]);
  });
});
