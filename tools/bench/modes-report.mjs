// Rows of the side-by-side table: one column per mode, '-' where a mode
// has no such figure.
import { latency, seen } from './saturation-report.mjs';

// The aims: figures to compare with, never a pass/fail gate.
export const AIMS = { carriedPerSecond: 20_000, p99AcceptToRaisedMs: 250 };
const AIM_P99_MS = AIMS.p99AcceptToRaisedMs;
const AIM_CARRIED = AIMS.carriedPerSecond;

/** [label, ...one cell per mode] for the given modes' figures. */
export function modeRows(modes) {
  const row = (label, cell) => [label, ...modes.map((m) => safe(cell, m))];
  return [
    row('paced: offered / accepted per s', pacedRate),
    row('paced: client answer p50 / p99', (m) =>
      ms(m.paced.load.clientP50Ms, m.paced.load.clientP99Ms),
    ),
    row('paced: accept -> raised', (m) => latency(m.paced.pipeline.raise)),
    row('paced: accept -> first page', (m) =>
      latency(m.paced.pipeline.firstPage),
    ),
    row('paced: escalations seen / expected', (m) => seen(m.paced.pipeline)),
    row(`paced: p99 accept -> raised <= ${AIM_P99_MS} ms`, (m) =>
      aim(m.paced.pipeline.raise.p99Ms, (p99) => p99 <= AIM_P99_MS),
    ),
    row('HTTP intake at saturation', saturationRate),
    row('qms.ingest.v1 published', (m) => published(m.kafka)),
    row('qms.ingest.v1 carried to escalations', (m) => carried(m.kafka)),
    row(`carried >= ${AIM_CARRIED}/s`, (m) =>
      aim(m.kafka.carriedPerSecond, (rate) => rate >= AIM_CARRIED),
    ),
    row('peak RSS (VmHWM)', (m) => rss(m.peakRssMiB)),
  ];
}

/** A cell, or '-' when the mode has no such figure. */
function safe(cell, mode) {
  if (!mode || mode.skipped || mode.failed) return '-';
  try {
    return cell(mode) ?? '-';
  } catch {
    return '-';
  }
}

function pacedRate({ paced }) {
  const { offeredPerSecond, acceptedPerSecond, failed } = paced.load;
  const refused = failed ? ` (${failed} failed)` : '';
  return `${offeredPerSecond} / ${acceptedPerSecond}${refused}`;
}

function saturationRate({ saturation }) {
  const { qmsIntake, ratio } = saturation;
  return `${qmsIntake.acceptedPerSecond}/s (x${ratio} Alertmanager's)`;
}

function published(kafka) {
  const { publishedPerSecond, events, publishSeconds } = kafka;
  return `${publishedPerSecond}/s (${events} in ${publishSeconds} s)`;
}

function carried(kafka) {
  if (kafka.escalationsSeen === undefined) {
    return `not measured: ${kafka.apiError}`;
  }
  if (kafka.carriedPerSecond) {
    return `${kafka.carriedPerSecond}/s (all in ${kafka.carriedSeconds} s)`;
  }
  const why = kafka.stalled ? 'stalled' : 'not all';
  const api = kafka.apiError ? ` (API: ${kafka.apiError})` : '';
  const rate = kafka.arrivingPerSecond
    ? `, ${kafka.arrivingPerSecond}/s while arriving`
    : '';
  const counts = `${kafka.escalationsSeen} of ${kafka.events}`;
  return `${why}: ${counts} after ${kafka.waitedSeconds} s${rate}${api}`;
}

function aim(value, met) {
  if (value === null || value === undefined) return 'not measured';
  return met(value) ? 'met' : 'not met';
}

function ms(a, b) {
  return `${a} / ${b} ms`;
}

function rss({ byProcess, ...peak }) {
  return Object.entries(peak)
    .map(([name, mib]) => `${name} ${mib}`)
    .join(', ')
    .concat(' MiB');
}
