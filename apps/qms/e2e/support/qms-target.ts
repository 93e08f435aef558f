import { rmSync } from 'node:fs';
import { QmsClient } from './qms-client';
import { startQms, type QmsProcess, type StartOptions } from './qms-process';

const intakeUrl = process.env.QMS_E2E_INTAKE_URL;
const apiUrl = process.env.QMS_E2E_API_URL;
/** Comma-separated base URLs whose /metrics add up (distributed mode). */
const metricsUrls = process.env.QMS_E2E_METRICS_URLS?.split(',')
  .map((url) => url.trim())
  .filter(Boolean);

/**
 * True when the suite runs against a system someone else started
 * (`QMS_E2E_INTAKE_URL` and `QMS_E2E_API_URL` both set): nothing is
 * spawned, and tests that kill, restart or read the outbox file skip.
 */
export const EXTERNAL = Boolean(intakeUrl && apiUrl);

/** `describe` for tests that need their own process and its files. */
export const describeLocal = EXTERNAL ? describe.skip : describe;

export interface QmsTarget {
  client: QmsClient;
  /** The spawned process; undefined against an external system. */
  process?: QmsProcess;
  close(): Promise<void>;
}

/** The external system, or a fresh process started with `options`. */
export async function openTarget(
  options: StartOptions = {},
): Promise<QmsTarget> {
  if (intakeUrl && apiUrl) {
    const client = new QmsClient(
      () => intakeUrl,
      () => apiUrl,
      metricsUrls?.length ? () => metricsUrls : undefined,
    );
    return { client, close: async () => undefined };
  }
  const qms = await startQms(options);
  return {
    client: clientOf(qms),
    process: qms,
    close: () => closeProcess(qms),
  };
}

export function clientOf(qms: QmsProcess): QmsClient {
  return new QmsClient(
    () => qms.intakeUrl,
    () => qms.apiUrl,
  );
}

/** Stops the process and deletes its data unless QMS_E2E_KEEP_DATA=1. */
export async function closeProcess(qms: QmsProcess): Promise<void> {
  await qms.stop();
  if (process.env.QMS_E2E_KEEP_DATA !== '1')
    rmSync(qms.dataDir, { recursive: true, force: true });
}
