import type { ConfigContext } from './config-context';
import type { ChannelsConfig } from './config.types';
import { substituteEnv, substituteEnvMap } from './env-substitution';
import type { RawConfig } from './raw-config.types';
import { readDuration } from './value.readers';

const DEFAULT_WEBHOOK_TIMEOUT_SEC = 10;

/** Channel settings with `${NAME}` references filled from the environment. */
export function readChannels(
  context: ConfigContext,
  raw: RawConfig['channels'],
): ChannelsConfig {
  const webhook = raw?.webhook;
  if (!webhook) return {};
  const path = ['channels', 'webhook'];
  const timeoutSec =
    webhook.timeout === undefined
      ? DEFAULT_WEBHOOK_TIMEOUT_SEC
      : readDuration(context, [...path, 'timeout'], webhook.timeout);
  const url = substituteEnv(context, [...path, 'url'], webhook.url) ?? '';
  if (url && !isHttpUrl(url)) {
    // Never echo the value: it may embed a token.
    const detail = 'expected an http:// or https:// URL';
    context.report('CONFIG_INVALID', [...path, 'url'], detail);
  }
  return {
    webhook: {
      url,
      timeoutMs: (timeoutSec ?? 0) * 1000,
      headers: substituteEnvMap(
        context,
        [...path, 'headers'],
        webhook.headers ?? {},
      ),
    },
  };
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
