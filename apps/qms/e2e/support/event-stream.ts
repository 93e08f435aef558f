import type { QmsClient } from './qms-client';

export interface StreamOptions {
  /** Concurrent clients, each sending one request at a time. */
  clients: number;
  /** Called after each 2xx, with how many were accepted so far. */
  onAccepted?: (accepted: number) => void;
}

/**
 * Posts `events` to /v1/events from several clients at once. Returns the
 * indexes of the events that did not get a 2xx (refused, cut off, or the
 * server was gone): the ones a real client would send again.
 */
export async function streamEvents(
  qms: QmsClient,
  events: object[],
  options: StreamOptions,
): Promise<number[]> {
  const failed: number[] = [];
  let next = 0;
  let accepted = 0;
  const client = async () => {
    while (next < events.length) {
      const i = next++;
      const ok = await qms.event(events[i]).then(
        (reply) => reply.status >= 200 && reply.status < 300,
        () => false,
      );
      if (!ok) failed.push(i);
      else options.onAccepted?.(++accepted);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  return failed.sort((a, b) => a - b);
}
