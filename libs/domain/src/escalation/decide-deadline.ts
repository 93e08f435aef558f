import { requireExists, refusal } from './escalation.errors';
import { deadlineAfterPage } from './deadline';
import type { CommandMap } from './escalation.commands';
import type { EscalationEvent } from './escalation.events';
import type { Deadline, EscalationState } from './escalation.state';
import { evolve } from './evolve';
import { page } from './page';

type Fire = CommandMap['FireDeadline'];

/**
 * A deadline fires. A firing computed from an older revision is stale
 * and refused. After downtime, every deadline that fell due meanwhile
 * is folded into one page at the step that is due now.
 */
export function decideDeadline(c: Fire, s: EscalationState): EscalationEvent[] {
  requireExists(c, s);
  if (c.expectedRevision !== s.version - 1) {
    throw refusal(
      'STALE_DEADLINE',
      c,
      `state moved past ${c.expectedRevision}`,
    );
  }
  const due = s.nextDeadline;
  if (s.status !== 'active' || !due || Date.parse(due.at) > Date.parse(c.now)) {
    return [];
  }
  const { step, transitions } = walk(s, due, Date.parse(c.now));
  const escalated: EscalationEvent = {
    type: 'EscalationAutoEscalated',
    data: {
      at: c.now,
      fromStep: s.step,
      toStep: step,
      repeat: s.pagesPerStep[step] ?? 0,
      dueAt: due.at,
      delaySec: Math.round((Date.parse(c.now) - Date.parse(due.at)) / 1000),
      missedPages: transitions - 1,
    },
  };
  const reason = step === s.step ? 'repeated' : 'escalated';
  return [escalated, page(evolve(s, escalated), step, reason, c.now)];
}

/** Steps through every deadline due by `now`; repeats are counted. */
function walk(s: EscalationState, first: Deadline, now: number) {
  const policy = s.policy!;
  let step = s.step;
  let transitions = 0;
  let d: Deadline | undefined = first;
  while (d && Date.parse(d.at) <= now) {
    if (d.kind === 'repeat') {
      const every = policy.repeatEverySec! * 1000;
      transitions += Math.floor((now - Date.parse(d.at)) / every) + 1;
      break;
    }
    step += 1;
    transitions += 1;
    d = deadlineAfterPage(policy, step, d.at, s.raisedAt!);
  }
  return { step, transitions };
}
