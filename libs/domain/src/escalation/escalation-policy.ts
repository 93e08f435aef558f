import type { LevelId } from '../level';

export type StepName = 'primary' | 'secondary' | 'executive';

export interface PolicyStep {
  name: StepName;
  /** Stakeholder roles paged at this step; never empty. */
  recipients: string[];
  /** The step is not reached before this long after the raise. */
  notBeforeSec?: number;
}

/**
 * Who is paged and when, fixed when the escalation is raised (or its
 * level changes), so a replay pages the same people whatever the
 * configuration says today.
 */
export interface EscalationPolicy {
  level: LevelId;
  steps: PolicyStep[];
  ackTimeoutSec: number;
  /** Re-page interval at the last step until acknowledged. */
  repeatEverySec?: number;
  responseTimeSec?: number;
  resolutionSlaSec?: number;
  template: string;
}
