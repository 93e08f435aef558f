// The printed result: a table for people and one JSON line for tools.
import { percentile, printTable, round } from './stats.mjs';

export function printReport(input) {
  const { options, qmsLoad, amLoad, pipeline } = input;
  const ours = rate(qmsLoad);
  const theirs = rate(amLoad);
  const figures = {
    requests: options.requests,
    concurrency: options.concurrency,
    warmup: input.warmup,
    cpus: input.cpus,
    node: process.version,
    alertmanagerVersion: input.alertmanagerVersion,
    qmsIntake: load(qmsLoad),
    alertmanagerApi: load(amLoad),
    ratio: round(ours / theirs, 3),
    pipeline,
    qmsPeakRssMiB: input.qmsPeakRssMiB,
    alertmanagerPeakRssMiB: input.alertmanagerPeakRssMiB,
  };

  printTable('Accepted per second (single-alert requests, same client)', [
    ['qms /v1/integrations/alertmanager', describe(qmsLoad)],
    ['alertmanager /api/v2/alerts', describe(amLoad)],
    ['ratio qms / alertmanager', String(figures.ratio)],
  ]);
  printTable('qms pipeline (measured escalations)', [
    ['raisedAt - acceptedAt', latency(pipeline.raise)],
    ['first page writtenAt - acceptedAt', latency(pipeline.firstPage)],
    ['escalations seen / expected', seen(pipeline)],
    ['escalations committed per second', String(pipeline.pipelinePerSecond)],
  ]);
  printTable('Peak RSS (VmHWM)', [
    ['qms', `${input.qmsPeakRssMiB} MiB`],
    ['alertmanager', `${input.alertmanagerPeakRssMiB} MiB`],
  ]);
  console.log(`\n${JSON.stringify(figures)}`);
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

function describe(result) {
  const f = load(result);
  const failed = f.failed ? `, ${f.failed} failed` : '';
  return (
    `${f.acceptedPerSecond}/s (${f.accepted} in ${f.seconds} s${failed}; ` +
    `client p50 ${f.clientP50Ms} ms, p99 ${f.clientP99Ms} ms)`
  );
}

function latency(s) {
  return `p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, max ${s.maxMs} ms (n=${s.count})`;
}

function seen(p) {
  const drained =
    p.drainedAfterLoadMs === null
      ? 'not all within the wait'
      : `all ${p.drainedAfterLoadMs} ms after the load ended`;
  return `${p.escalationsSeen} / ${p.escalationsExpected} (${drained})`;
}
