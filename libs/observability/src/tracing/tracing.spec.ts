import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createTracing, otlpTracesUrl } from './tracing';

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

  // The OTLP exporter loads `http` with a dynamic import, which Jest's VM
  // refuses: the export itself is not exercised here.
  it.each([
    ['http://collector:4318', 'http://collector:4318/v1/traces'],
    ['http://collector:4318/', 'http://collector:4318/v1/traces'],
    ['https://otel.example/base', 'https://otel.example/base/v1/traces'],
  ])('sends spans for endpoint %s to %s', (endpoint, url) => {
    expect(otlpTracesUrl(endpoint)).toBe(url);
  });
});
