/**
 * Components report themselves ready (subscribed, caught up, indexes
 * rebuilt); `/ready` answers 200 only when all have.
 */
export class Readiness {
  private readonly pending = new Set<string>();

  expect(component: string): void {
    this.pending.add(component);
  }

  ready(component: string): void {
    this.pending.delete(component);
  }

  get isReady(): boolean {
    return this.pending.size === 0;
  }

  get waitingFor(): string[] {
    return [...this.pending];
  }
}

export const READINESS = Symbol('Readiness');
