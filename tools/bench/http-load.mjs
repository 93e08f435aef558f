// Closed-loop load: `concurrency` requests in flight over one keep-alive
// agent, each worker sending the next body as soon as its last answer is
// read. The same client serves every target so the figures compare.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * Posts each of `bodies` (JSON strings) once to `url`, stopping early at
 * `maxSeconds`. Resolves { sent, accepted, failed, seconds, latenciesMs,
 * statuses } where accepted counts 2xx answers.
 */
export async function postAll(url, bodies, { concurrency, maxSeconds }) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const result = { sent: 0, accepted: 0, failed: 0, latenciesMs: [] };
  const statuses = {};
  const deadline = performance.now() + maxSeconds * 1000;
  let next = 0;

  const worker = async () => {
    while (next < bodies.length && performance.now() < deadline) {
      const body = bodies[next++];
      const started = performance.now();
      const status = await post(agent, target, body).catch(() => 'error');
      result.latenciesMs.push(performance.now() - started);
      result.sent += 1;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (typeof status === 'number' && status < 300) result.accepted += 1;
      else result.failed += 1;
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { ...result, seconds, statuses };
}

/**
 * One POST of a JSON body; resolves the status code once the answer is
 * read, rejects on a socket error or after `timeoutMs` without an answer.
 */
export function post(agent, target, body, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
        response.on('error', reject);
      },
    );
    request.setTimeout(timeoutMs, () =>
      request.destroy(new Error(`no answer within ${timeoutMs} ms`)),
    );
    request.on('error', reject);
    request.end(body);
  });
}
