import {
  defaultTextMapGetter,
  defaultTextMapSetter,
  INVALID_SPAN_CONTEXT,
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
  type Span,
  type SpanOptions,
  type Tracer,
} from '@opentelemetry/api';
import {
  parseTraceParent,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface TracingOptions {
  service: string;
  /** OTLP/HTTP base URL; spans are posted to `<endpoint>/v1/traces`. */
  otlpEndpoint?: string;
  /** Wins over the endpoint; each span is exported as it ends (tests). */
  exporter?: SpanExporter;
}

export interface StartedSpan {
  span: Span;
  /** The span as a W3C traceparent, for the messages it causes. */
  traceparent?: string;
}

const NO_SPAN = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
const propagator = new W3CTraceContextPropagator();

/**
 * The process's tracer. Spans are parented explicitly by traceparent
 * strings (nothing is registered globally). Without an exporter it is a
 * no-op whose spans record nothing and whose traceparent is the parent's.
 */
export class Tracing {
  constructor(
    private readonly tracer?: Tracer,
    private readonly provider?: BasicTracerProvider,
  ) {}

  get enabled(): boolean {
    return this.tracer !== undefined;
  }

  startSpan(name: string, parent?: string, options?: SpanOptions): StartedSpan {
    if (!this.tracer) return { span: NO_SPAN, traceparent: valid(parent) };
    const carrier = parent ? { traceparent: parent } : {};
    const context = propagator.extract(
      ROOT_CONTEXT,
      carrier,
      defaultTextMapGetter,
    );
    const span = this.tracer.startSpan(name, options, context);
    return { span, traceparent: traceparentOf(span) };
  }

  /** Runs `work` in a span ended when it settles (an error if it throws). */
  async inSpan<T>(
    name: string,
    parent: string | undefined,
    options: SpanOptions,
    work: (traceparent: string | undefined, span: Span) => Promise<T>,
  ): Promise<T> {
    const { span, traceparent } = this.startSpan(name, parent, options);
    return endWhenSettled([span], () => work(traceparent, span));
  }

  /** Exports what is still buffered. */
  async shutdown(): Promise<void> {
    await this.provider?.shutdown();
  }
}

export function createTracing(options: TracingOptions): Tracing {
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : options.otlpEndpoint
      ? new BatchSpanProcessor(
          new OTLPTraceExporter({ url: otlpTracesUrl(options.otlpEndpoint) }),
        )
      : undefined;
  if (!processor) return new Tracing();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.service }),
    spanProcessors: [processor],
  });
  return new Tracing(provider.getTracer('qms'), provider);
}

/** The span's context as a W3C traceparent; undefined for a no-op span. */
export function traceparentOf(span: Span): string | undefined {
  const carrier: { traceparent?: string } = {};
  const context = trace.setSpan(ROOT_CONTEXT, span);
  propagator.inject(context, carrier, defaultTextMapSetter);
  return carrier.traceparent;
}

/** Ends the spans once `work` settles; a failure marks them as errors. */
export async function endWhenSettled<T>(
  spans: Span[],
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = typeof code === 'string' ? code : String(error);
    for (const span of spans) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message });
    }
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}

function valid(traceparent?: string): string | undefined {
  return traceparent && parseTraceParent(traceparent) ? traceparent : undefined;
}

/** Where spans go, given OTEL_EXPORTER_OTLP_ENDPOINT (a base URL). */
export function otlpTracesUrl(endpoint: string): string {
  return new URL('v1/traces', endpoint.replace(/\/?$/, '/')).toString();
}

export const TRACING = Symbol('Tracing');
