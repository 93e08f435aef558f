/**
 * What the caller supplies so the normalisers stay pure: the acceptance
 * time and id derivation come from outside, never from a clock or RNG here.
 */
export interface IntakeContext {
  /** ISO time our server accepted the request; deadlines count from it. */
  acceptedAt: string;
  /** A fresh unique id: event ids a client did not give, PD dedup keys. */
  newId(): string;
  /**
   * The same id for the same seed, every time, so a webhook the sender
   * re-delivers maps to the same event ids.
   */
  idFor(seed: string): string;
  /**
   * Which endpoint received an Alertmanager-format webhook; Grafana posts
   * the same format to its own. Never guessed from content. Default
   * `alertmanager`.
   */
  source?: 'alertmanager' | 'grafana';
}
