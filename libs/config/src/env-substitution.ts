import type { ConfigContext } from './config-context';
import type { KeyPath } from './yaml-source';

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Replaces each `${NAME}` in the value at `path` with the environment's
 * NAME. An unset or empty NAME is reported by name only (the value may be
 * a secret, so no message quotes it) and the result is undefined.
 */
export function substituteEnv(
  context: ConfigContext,
  path: KeyPath,
  text: string,
): string | undefined {
  let complete = true;
  const result = text.replace(REFERENCE, (_, name: string) => {
    const value = context.env[name];
    if (value) return value;
    complete = false;
    const detail = `environment variable ${name} is not set`;
    context.report('CONFIG_ENV_MISSING', path, detail);
    return '';
  });
  return complete ? result : undefined;
}

/** `substituteEnv` over every value of a string map. */
export function substituteEnvMap(
  context: ConfigContext,
  path: KeyPath,
  map: Readonly<Record<string, string>>,
): Record<string, string> {
  const entries = Object.entries(map).map(([key, text]) => [
    key,
    substituteEnv(context, [...path, key], text) ?? '',
  ]);
  return Object.fromEntries(entries);
}
