// Where the standalone product spends its CPU: self time of a
// `node --cpu-prof` profile (npm run bench -- --cpu-prof DIR) summed by
// component (our libs and apps, npm packages, Node internals, GC).
// Usage: node tools/bench/cpu-profile.mjs DIR/<file>.cpuprofile [top]
import { readFileSync } from 'node:fs';
import { printColumns, round } from './stats.mjs';

const [profilePath, topArg = '15'] = process.argv.slice(2);
if (!profilePath) {
  console.error('usage: node tools/bench/cpu-profile.mjs FILE [top]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
const top = Number(topArg);
const selfMs = selfTimes(profile);
const busy = [...selfMs].filter(([node]) => component(node) !== '(idle)');
const busyMs = busy.reduce((sum, [, ms]) => sum + ms, 0);
const totalMs = (profile.endTime - profile.startTime) / 1000;

console.log(
  `profile ${round(totalMs / 1000, 1)} s, busy ${round(busyMs / 1000, 1)} s ` +
    `(${round((100 * busyMs) / totalMs)}% of one core)`,
);
printColumns('Busy time by component', ['component', 'ms', '%'], rows(busy));
printColumns('Busy time by file', ['file', 'ms', '%'], rows(busy, file));
printColumns('Busiest functions', ['function', 'ms', '%'], rows(busy, where));

/** Node -> milliseconds of samples taken while it was on top. */
function selfTimes({ nodes, samples, timeDeltas }) {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const ms = new Map();
  samples.forEach((id, i) => {
    const node = byId.get(id);
    ms.set(node, (ms.get(node) ?? 0) + (timeDeltas[i] ?? 0) / 1000);
  });
  return ms;
}

function rows(entries, keyOf = component) {
  const sums = new Map();
  for (const [node, ms] of entries) {
    const key = keyOf(node);
    sums.set(key, (sums.get(key) ?? 0) + ms);
  }
  return [...sums]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => [key, round(ms, 0), round((100 * ms) / busyMs)]);
}

// Native calls (a SQLite statement's run, a hash) count as self time of
// the JavaScript function that made them, so a file's self time includes
// the native work it asked for.
function file(node) {
  const { url } = node.callFrame;
  const ours = /\/dist\/((?:libs|apps)\/.+)$/.exec(url);
  return ours ? ours[1] : component(node);
}

function where(node) {
  const { functionName, lineNumber } = node.callFrame;
  const line = node.callFrame.url ? `:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${file(node)}${line}`;
}

function component({ callFrame }) {
  const { url, functionName } = callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const ours = /\/dist\/((?:libs|apps)\/[^/]+)\//.exec(url);
  if (ours) return ours[1];
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return `npm:${pkg[1]}`;
  if (url.startsWith('node:')) return url.split('/')[0];
  return url;
}
