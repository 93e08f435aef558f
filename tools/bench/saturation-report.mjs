// The saturation phase's figures and tables: the product's intake
// against Alertmanager's, and the pipeline while the intake is saturated.
import { percentile, printTable, round } from './stats.mjs';

export function saturationFigures(saturation, options) {
  const { qmsLoad, amLoad } = saturation;
  return {
    requests: options.requests,
    concurrency: options.concurrency,
    warmup: saturation.warmup,
    qmsIntake: load(qmsLoad),
    alertmanagerApi: load(amLoad),
    ratio: round(rate(qmsLoad) / rate(amLoad), 3),
    pipeline: saturation.pipeline,
  };
}

export function printSaturation(figures, peakRssMiB) {
  const { pipeline } = figures;
  printTable('Accepted per second (single-alert requests, same client)', [
    ['qms /v1/integrations/alertmanager', describe(figures.qmsIntake)],
    ['alertmanager /api/v2/alerts', describe(figures.alertmanagerApi)],
    ['ratio qms / alertmanager', String(figures.ratio)],
  ]);
  printTable('qms pipeline at saturation (measured escalations)', [
    ['raisedAt - acceptedAt', latency(pipeline.raise)],
    ['first page writtenAt - acceptedAt', latency(pipeline.firstPage)],
    ['escalations seen / expected', seen(pipeline)],
    ['escalations committed per second', String(pipeline.pipelinePerSecond)],
  ]);
  printTable('Peak RSS (VmHWM)', [
    ['qms', `${peakRssMiB.qms} MiB`],
    ['alertmanager', `${peakRssMiB.alertmanager} MiB`],
  ]);
}

export function latency(s) {
  if (s.count === 0) return 'none measured';
  return `p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, max ${s.maxMs} ms (n=${s.count})`;
}

export function seen(p) {
  const drained =
    p.drainedAfterLoadMs === null
      ? `not all within the wait${p.stalled ? ', stalled' : ''}`
      : `all ${p.drainedAfterLoadMs} ms after the load ended`;
  return `${p.escalationsSeen} / ${p.escalationsExpected} (${drained})`;
}

function rate(result) {
  return result.accepted / result.seconds;
}

function load(result) {
  return {
    accepted: result.accepted,
    failed: result.failed,
    seconds: round(result.seconds, 2),
    acceptedPerSecond: round(rate(result), 0),
    clientP50Ms: round(percentile(result.latenciesMs, 50), 2),
    clientP99Ms: round(percentile(result.latenciesMs, 99), 2),
    statuses: result.statuses,
  };
}

function describe(f) {
  const failed = f.failed ? `, ${f.failed} failed` : '';
  return (
    `${f.acceptedPerSecond}/s (${f.accepted} in ${f.seconds} s${failed}; ` +
    `client p50 ${f.clientP50Ms} ms, p99 ${f.clientP99Ms} ms)`
  );
}
