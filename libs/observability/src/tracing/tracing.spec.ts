import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTracing } from './tracing';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const PARENT = `00-${TRACE}-b7ad6b7169203331-01`;

describe('createTracing', () => {
  it('without an exporter records nothing and passes a valid parent on', () => {
    const tracing = createTracing({ service: 'test' });

    expect(tracing.enabled).toBe(false);
    expect(tracing.startSpan('s', PARENT).traceparent).toBe(PARENT);
    expect(tracing.startSpan('s', 'not-a-traceparent').traceparent).toBe(
      undefined,
    );
    expect(tracing.startSpan('s').span.isRecording()).toBe(false);
  });

  it('starts a span under a traceparent in the same trace', () => {
    const exporter = new InMemorySpanExporter();
    const tracing = createTracing({ service: 'test', exporter });

    const { span, traceparent } = tracing.startSpan('work', PARENT);
    span.end();

    const [done] = exporter.getFinishedSpans();
    expect(traceparent).toBe(`00-${TRACE}-${done.spanContext().spanId}-01`);
    expect(done.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(done.resource.attributes['service.name']).toBe('test');
  });

  it('starts a new trace when the parent is missing or malformed', () => {
    const exporter = new InMemorySpanExporter();
    const tracing = createTracing({ service: 'test', exporter });

    const { traceparent } = tracing.startSpan('work', 'garbage');

    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(traceparent).not.toContain(TRACE);
  });

  it('ends an inSpan span as an error with the code of what it threw', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = createTracing({ service: 'test', exporter });
    const failure = Object.assign(new Error('no'), { code: 'BUS_DOWN' });

    await expect(
      tracing.inSpan('work', PARENT, {}, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);

    const [done] = exporter.getFinishedSpans();
    expect(done.status).toEqual({
      code: SpanStatusCode.ERROR,
      message: 'BUS_DOWN',
    });
  });

  it('posts spans to <endpoint>/v1/traces over OTLP/HTTP', async () => {
    const requests: Array<{ url?: string; body: string }> = [];
    const server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        requests.push({ url: req.url, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const tracing = createTracing({
      service: 'test',
      otlpEndpoint: `http://127.0.0.1:${port}/otlp`,
    });

    tracing.startSpan('exported-span', PARENT).span.end();
    await tracing.shutdown();
    await new Promise((r) => server.close(r));

    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe('/otlp/v1/traces');
    expect(requests[0].body).toContain('exported-span');
  });
});
