export interface ContractOptions {
  /**
   * How long a test waits for an asynchronous effect (a delivery, a
   * listener call). Keep it below Jest's test timeout so a missing effect
   * fails with a named condition. Default 3000 ms.
   */
  waitMs?: number;
}

export const DEFAULT_WAIT_MS = 3000;
