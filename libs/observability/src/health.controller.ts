import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { METRICS, Metrics } from './metrics';
import { READINESS, Readiness } from './readiness';

/** Liveness, readiness and Prometheus metrics; served by every app. */
@Controller()
export class HealthController {
  constructor(
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(READINESS) private readonly readiness: Readiness,
  ) {}

  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Get('ready')
  ready(@Res({ passthrough: true }) reply: FastifyReply) {
    if (this.readiness.isReady) return { status: 'ready' };
    reply.status(503);
    return { status: 'starting', waitingFor: this.readiness.waitingFor };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
