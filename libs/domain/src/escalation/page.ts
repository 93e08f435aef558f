import type { EscalationEvent } from './escalation.events';
import type { EscalationState } from './escalation.state';
import { templateVars } from './template-vars';

type PageReason = Extract<
  EscalationEvent,
  { type: 'NotificationRequested' }
>['data']['reason'];

/** The request to page everyone at `step`, numbered by its repeat. */
export function page(
  state: EscalationState,
  step: number,
  reason: PageReason,
  at: string,
): EscalationEvent {
  const policy = state.policy!;
  const { name, recipients } = policy.steps[step];
  const repeat = state.pagesPerStep[step] ?? 0;
  return {
    type: 'NotificationRequested',
    data: {
      at,
      step,
      stepName: name,
      repeat,
      recipients,
      level: policy.level,
      template: policy.template,
      reason,
      vars: templateVars(state, name, repeat),
    },
  };
}
