// Open-loop load: requests leave on a fixed schedule (`rate` per second),
// whether or not earlier ones have been answered, so a slow server meets
// the same offered load instead of slowing the client down with it.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { post } from './http-load.mjs';

/**
 * Posts `bodyAt(i)` for i = 0 .. rate*seconds-1 to `url`, request i due
 * at i/rate seconds after the start. Resolves once every request has been
 * answered or has failed: { offered, accepted, failed, sendSeconds,
 * seconds, latenciesMs, sendLagsMs, statuses }. `sendLagsMs` is how late
 * each request left against its schedule (the client's own slack).
 */
export async function offerAtRate(url, bodyAt, { rate, seconds }) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const total = Math.max(1, Math.round(rate * seconds));
  const result = { accepted: 0, failed: 0, latenciesMs: [], sendLagsMs: [] };
  const statuses = {};
  const inFlight = [];
  const send = async (body) => {
    const started = performance.now();
    const status = await post(agent, target, body).catch(() => 'error');
    result.latenciesMs.push(performance.now() - started);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (typeof status === 'number' && status < 300) result.accepted += 1;
    else result.failed += 1;
  };

  const start = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait >= 1) await sleep(wait);
    result.sendLagsMs.push(Math.max(0, performance.now() - due));
    inFlight.push(send(bodyAt(i)));
  }
  const sendSeconds = (performance.now() - start) / 1000;
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  return {
    ...result,
    offered: total,
    sendSeconds,
    seconds: elapsed,
    statuses,
  };
}
