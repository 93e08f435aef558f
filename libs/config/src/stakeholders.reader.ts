import { normaliseChannel } from './channel-names';
import type { ConfigContext } from './config-context';
import type { StakeholderConfig } from './config.types';
import { substituteEnvMap } from './env-substitution';
import type { RawStakeholder } from './raw-config.types';
import type { KeyPath } from './yaml-source';

const EMAIL = /^[^@\s]+@[^@\s]+$/;
const PHONE = /^\+[0-9 ().-]+$/;

export function readStakeholders(
  context: ConfigContext,
  raw: Record<string, RawStakeholder>,
): Record<string, StakeholderConfig> {
  const entries = Object.entries(raw).map(([id, stakeholder]) => [
    id,
    readStakeholder(context, ['stakeholders', id], id, stakeholder),
  ]);
  return Object.fromEntries(entries);
}

function readStakeholder(
  context: ConfigContext,
  path: KeyPath,
  id: string,
  raw: RawStakeholder,
): StakeholderConfig {
  const contacts = (['primary_contact', 'secondary_contact'] as const)
    .filter((key) => raw[key] !== undefined)
    .map((key) => readContact(context, [...path, key], raw[key] as string));
  const email = raw.email ?? contacts.find((c) => c.kind === 'email')?.text;
  const phone = raw.phone ?? contacts.find((c) => c.kind === 'phone')?.text;
  const channels = substituteEnvMap(
    context,
    [...path, 'channels'],
    raw.channels ?? {},
  );
  return {
    id,
    name: raw.name,
    role: raw.role ?? id,
    ...(email === undefined ? {} : { email }),
    ...(phone === undefined ? {} : { phone }),
    channels: Object.fromEntries(
      Object.entries(channels).map(([name, to]) => [
        normaliseChannel(name),
        to,
      ]),
    ),
    backupContacts: [...new Set(raw.backup_contacts ?? [])],
  };
}

interface Contact {
  kind: 'email' | 'phone' | 'unknown';
  text: string;
}

/** A contact is personal data: an error names its key, never its value. */
function readContact(
  context: ConfigContext,
  path: KeyPath,
  text: string,
): Contact {
  const trimmed = text.trim();
  if (EMAIL.test(trimmed)) return { kind: 'email', text: trimmed };
  if (PHONE.test(trimmed)) return { kind: 'phone', text: trimmed };
  const detail = 'expected an e-mail address or a phone number starting with +';
  context.report('CONFIG_INVALID', path, detail);
  return { kind: 'unknown', text: trimmed };
}
