import {
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
} from 'prom-client';

const LATENCY_BUCKETS = [
  0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** The process's Prometheus metrics; one instance per process. */
export class Metrics {
  readonly registry = new Registry();

  readonly eventsAccepted = new Counter({
    name: 'qms_events_accepted_total',
    help: 'Signals accepted at intake, by source.',
    labelNames: ['source'],
    registers: [this.registry],
  });

  readonly eventsRejected = new Counter({
    name: 'qms_events_rejected_total',
    help: 'Intake requests refused, by endpoint and error code.',
    labelNames: ['endpoint', 'code'],
    registers: [this.registry],
  });

  /** Set by the read side: counts escalations by level and status. */
  countEscalations?: () => Promise<
    Array<{ level: string; status: string; count: number }>
  >;

  readonly escalations = new Gauge({
    name: 'qms_escalations',
    help: 'Escalations in the read model, by level and status.',
    labelNames: ['level', 'status'],
    registers: [this.registry],
    collect: async () => {
      if (!this.countEscalations) return;
      this.escalations.reset();
      for (const c of await this.countEscalations()) {
        this.escalations.set({ level: c.level, status: c.status }, c.count);
      }
    },
  });

  readonly notifications = new Counter({
    name: 'qms_notifications_total',
    help: 'Notification attempts, by channel and outcome.',
    labelNames: ['channel', 'outcome'],
    registers: [this.registry],
  });

  readonly stageLatency = new Histogram({
    name: 'qms_processing_latency_seconds',
    help: 'Time from acceptance of a signal to a pipeline stage.',
    labelNames: ['stage'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'qms_' });
  }

  /** Records the time from `acceptedAt` (ISO) to now for `stage`. */
  observeSinceAccepted(
    stage: string,
    acceptedAt: string,
    now = Date.now(),
  ): void {
    const seconds = (now - Date.parse(acceptedAt)) / 1000;
    if (Number.isFinite(seconds) && seconds >= 0) {
      this.stageLatency.observe({ stage }, seconds);
    }
  }
}

export const METRICS = Symbol('Metrics');
