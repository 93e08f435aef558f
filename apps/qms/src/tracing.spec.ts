import 'reflect-metadata';
import {
  InMemorySpanExporter,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { runtimeSettings } from '@qms/config';
import { startApp } from '@qms/runtime';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { standalone } from './standalone';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER = '00f067aa0ba902b7';

/** From the notification back to the HTTP request, one hop per line. */
const CHAIN = [
  'notify log',
  'process qms.escalation-events.v1',
  'publish qms.escalation-events.v1',
  'process qms.escalation-commands.v1',
  'publish qms.escalation-commands.v1',
  'process qms.rule-matches.v1',
  'publish qms.rule-matches.v1',
  'process qms.events.v1',
  'publish qms.events.v1',
  'intake events',
];

/** The span and its ancestors among `spans`, nearest first. */
function ancestry(span: ReadableSpan, spans: ReadableSpan[]): ReadableSpan[] {
  const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
  const line = [span];
  for (;;) {
    const parentId = line[line.length - 1].parentSpanContext?.spanId;
    const parent = parentId && byId.get(parentId);
    if (!parent) return line;
    line.push(parent);
  }
}

/**
 * Waits for a page in the outbox and for the spans from its `notify log`
 * span back to the caller's to have ended; returns them, nearest first.
 */
async function chainOfPage(
  exporter: InMemorySpanExporter,
  outbox: string,
): Promise<ReadableSpan[]> {
  let seen: string[] = [];
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    const spans = exporter.getFinishedSpans();
    const notify = spans.find((s) => s.name === 'notify log');
    const chain = notify ? ancestry(notify, spans) : [];
    const paged = existsSync(outbox) && readFileSync(outbox, 'utf8').trim();
    if (paged && chain.at(-1)?.parentSpanContext?.spanId === CALLER)
      return chain;
    seen = chain.map((s) => s.name);
    await sleep(25);
  }
  throw new Error(`no chain back to the caller; got ${seen.join(' < ')}`);
}

function postSecret(url: string, traceparent: string): Promise<Response> {
  return fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', traceparent },
    body: JSON.stringify({
      type: 'secret_scan',
      source: 'gitleaks',
      component: 'payments',
      severity: 'critical',
      secrets_detected: true,
    }),
  });
}

describe('tracing the standalone system', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qms-tracing-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('follows an exposed secret from the request to its page as one trace', async () => {
    const exporter = new InMemorySpanExporter();
    const env = { QMS_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' };
    const settings = runtimeSettings(env);
    const app = await startApp(standalone, settings, env, undefined, exporter);
    let chain: ReadableSpan[];
    try {
      const reply = await postSecret(app.url, `00-${TRACE}-${CALLER}-01`);
      expect(reply.status).toBe(202);
      chain = await chainOfPage(exporter, join(dataDir, 'outbox.jsonl'));
    } finally {
      await app.stop();
    }

    expect(chain.map((s) => s.name)).toEqual(CHAIN);
    const traces = new Set(chain.map((s) => s.spanContext().traceId));
    expect([...traces]).toEqual([TRACE]);
  }, 30_000);
});
