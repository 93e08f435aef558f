/** An alert as posted to Alertmanager's API v2. */
export interface PostableAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
}

/** An alert as Alertmanager's API v2 lists it. */
export interface GettableAlert extends PostableAlert {
  fingerprint: string;
  status: { state: string };
}

/** Posts alerts to Alertmanager, as Prometheus does. */
export async function postAlerts(
  alertmanagerUrl: string,
  alerts: PostableAlert[],
): Promise<void> {
  const response = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alerts),
  });
  if (!response.ok) {
    const text = await response.text();
    throw new Error(`alertmanager refused alerts: ${response.status} ${text}`);
  }
}

/** The active alerts whose `alertname` is `alertname`. */
export async function listAlerts(
  alertmanagerUrl: string,
  alertname: string,
): Promise<GettableAlert[]> {
  const filter = encodeURIComponent(`alertname="${alertname}"`);
  const response = await fetch(
    `${alertmanagerUrl}/api/v2/alerts?filter=${filter}`,
  );
  if (!response.ok) throw new Error(`alertmanager: ${response.status}`);
  return (await response.json()) as GettableAlert[];
}
