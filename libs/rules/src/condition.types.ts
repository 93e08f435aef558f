/** Three-valued truth: `null` is unknown (a field the event lacks). */
export type Truth = boolean | null;

export type ConditionValue = number | string | boolean;

/** Where names that are not event fields are looked up. */
export interface ThresholdScope {
  lookup(name: string): ConditionValue | undefined;
}

export interface CompiledCondition {
  /** The condition exactly as written in the config. */
  readonly text: string;
  /**
   * Evaluates against an event's fields. Dotted names (`labels.severity`)
   * address nested objects. A missing field makes its comparison unknown.
   */
  evaluate(fields: Readonly<Record<string, unknown>>): Truth;
}
