const REQUEST_TIMEOUT_MS = 10_000;

/** A JSON body as received: tests read into it as they assert. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply<T = Json> {
  status: number;
  body: T;
}

export interface Escalation {
  id: string;
  fingerprint: string;
  status: 'active' | 'acknowledged' | 'resolved' | 'closed';
  level: string;
  levelLabel: string;
  component: string;
  source: string;
  severity: string;
  steps: Array<{ name: string; recipients: string[] }>;
  currentStep: number;
  occurrences: number;
  timeline?: Array<{
    at: string;
    type: string;
    revision: number;
    detail: Json;
  }>;
  [field: string]: unknown;
}

export type LifecycleAction = 'acknowledge' | 'resolve' | 'close';

/** The system's HTTP surface as the tests use it: intake and API. */
export class QmsClient {
  constructor(
    private readonly intakeUrl: () => string,
    private readonly apiUrl: () => string,
    /** Where /metrics is read; several in distributed mode, one per app. */
    private readonly metricsUrls: () => string[] = () => [apiUrl()],
  ) {}

  /** Base URL of the intake endpoints (current, across restarts). */
  get intake(): string {
    return this.intakeUrl();
  }

  /** Base URL of the API. */
  get api(): string {
    return this.apiUrl();
  }

  event(body: object): Promise<Reply> {
    return this.send('POST', `${this.intakeUrl()}/v1/events`, body);
  }

  alertmanager(body: object): Promise<Reply> {
    const url = `${this.intakeUrl()}/v1/integrations/alertmanager`;
    return this.send('POST', url, body);
  }

  grafana(body: object): Promise<Reply> {
    const url = `${this.intakeUrl()}/v1/integrations/grafana`;
    return this.send('POST', url, body);
  }

  pagerDuty(body: object): Promise<Reply> {
    return this.send('POST', `${this.intakeUrl()}/v2/enqueue`, body);
  }

  async escalations(query: Record<string, string> = {}) {
    const qs = new URLSearchParams({ limit: '500', ...query });
    const url = `${this.apiUrl()}/v1/escalations?${qs}`;
    const reply = await this.send('GET', url);
    expectOk(reply, url);
    return reply.body.items as Escalation[];
  }

  escalation(id: string): Promise<Reply<Escalation>> {
    const url = `${this.apiUrl()}/v1/escalations/${encodeURIComponent(id)}`;
    return this.send('GET', url);
  }

  act(id: string, action: LifecycleAction, body: object = {}) {
    const path = `/v1/escalations/${encodeURIComponent(id)}/${action}`;
    return this.send('POST', `${this.apiUrl()}${path}`, body);
  }

  async signals(fingerprint?: string): Promise<Json[]> {
    const qs = new URLSearchParams({ limit: '500' });
    if (fingerprint) qs.set('fingerprint', fingerprint);
    const url = `${this.apiUrl()}/v1/signals?${qs}`;
    const reply = await this.send('GET', url);
    expectOk(reply, url);
    return reply.body.items;
  }

  /** The /metrics texts of every metrics URL, concatenated. */
  async metrics(): Promise<string> {
    const texts = await Promise.all(
      this.metricsUrls().map(async (base) => {
        const response = await fetch(`${base}/metrics`, {
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        return response.text();
      }),
    );
    return texts.join('\n');
  }

  /** Any request; `body` is sent as is when it is a string. */
  async send(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const response = await fetch(url, {
      method,
      headers:
        body === undefined
          ? headers
          : { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    }).catch((error: Error) => {
      throw new Error(
        `${method} ${url}: ${error.message} (${causeOf(error)})`,
        {
          cause: error,
        },
      );
    });
    const text = await response.text();
    return { status: response.status, body: parse(text) };
  }
}

/** undici hides the socket error (ECONNRESET, ECONNREFUSED) in `cause`. */
function causeOf(error: Error): string {
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause?.code ?? cause?.message ?? 'no cause';
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function expectOk(reply: Reply, url: string): void {
  if (reply.status !== 200)
    throw new Error(
      `GET ${url}: ${reply.status} ${JSON.stringify(reply.body)}`,
    );
}
