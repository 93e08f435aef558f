import { pollUntil } from './poll';
import type { Escalation, QmsClient } from './qms-client';

const WAIT_MS = 15_000;

/**
 * Waits until the fingerprint's newest escalation satisfies `holds`, and
 * returns it with its timeline.
 */
export async function escalationFor(
  qms: QmsClient,
  fingerprint: string,
  holds: (e: Escalation) => boolean = () => true,
  what = 'an escalation',
): Promise<Escalation> {
  return pollUntil(
    async () => {
      const [newest] = await qms.escalations({ fingerprint });
      if (!newest) return undefined;
      const full = (await qms.escalation(newest.id)).body;
      return holds(full) ? full : undefined;
    },
    { timeoutMs: WAIT_MS, what: `${what} for fingerprint ${fingerprint}` },
  );
}

/** Waits until escalation `id` satisfies `holds`; returns it. */
export async function escalationUntil(
  qms: QmsClient,
  id: string,
  holds: (e: Escalation) => boolean,
  what: string,
): Promise<Escalation> {
  return pollUntil(
    async () => {
      const reply = await qms.escalation(id);
      return reply.status === 200 && holds(reply.body) ? reply.body : undefined;
    },
    { timeoutMs: WAIT_MS, what: `escalation ${id}: ${what}` },
  );
}

export function timelineTypes(e: Escalation): string[] {
  return (e.timeline ?? []).map((entry) => entry.type);
}

/** How many timeline entries of `type` the escalation has. */
export function countOf(e: Escalation, type: string): number {
  return timelineTypes(e).filter((t) => t === type).length;
}
