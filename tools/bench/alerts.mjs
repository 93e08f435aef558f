// The benchmark's alerts: one label set per index, so every alert has its
// own fingerprint, and severity critical, so each one raises an escalation.

const STARTS_AT = new Date().toISOString();

export function benchAlert(run, index) {
  return {
    labels: {
      alertname: 'BenchInstanceDown',
      severity: 'critical',
      service: `bench-${run}`,
      instance: `node-${index}:9100`,
    },
    annotations: { summary: `node-${index} has stopped answering` },
    startsAt: STARTS_AT,
  };
}

/** An Alertmanager webhook (version 4) carrying one firing alert. */
export function webhookBody(alert) {
  return JSON.stringify({
    version: '4',
    status: 'firing',
    receiver: 'qms',
    groupKey: `{}:{instance="${alert.labels.instance}"}`,
    groupLabels: { instance: alert.labels.instance },
    commonLabels: alert.labels,
    commonAnnotations: alert.annotations,
    externalURL: 'http://127.0.0.1:9093',
    alerts: [{ status: 'firing', ...alert, endsAt: '0001-01-01T00:00:00Z' }],
  });
}

/** The body of POST /api/v2/alerts carrying the same single alert. */
export function alertmanagerBody(alert) {
  return JSON.stringify([alert]);
}
