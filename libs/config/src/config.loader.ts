import { thresholdScope } from '@qms/rules';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readChannelPriorities } from './channel-priorities.reader';
import { readChannels } from './channels.reader';
import { ConfigContext, type Env } from './config-context';
import { ConfigError, formatIssue } from './config-error';
import type { QmsConfig } from './config.types';
import {
  readEscalationSettings,
  readRuleGroups,
} from './escalation-settings.reader';
import { readLevels } from './levels.reader';
import type { RawConfig } from './raw-config.types';
import { checkRoles } from './role-check';
import { readRules } from './rules.reader';
import { validateAgainstSchema } from './schema.validator';
import { readStakeholders } from './stakeholders.reader';
import { readTemplates } from './templates.reader';
import { YamlSource } from './yaml-source';

/**
 * Reads and validates the config file. Throws one ConfigError listing
 * every problem found (YAML syntax alone stops the reading early).
 */
export function loadConfig(file: string, env: Env): QmsConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? 'unknown error';
    const issue = {
      code: 'CONFIG_UNREADABLE' as const,
      file,
      line: 0,
      column: 0,
      keyPath: '',
      detail: `cannot read the config file (${reason})`,
    };
    throw new ConfigError([{ ...issue, message: formatIssue(issue) }], {
      cause,
    });
  }
  return parseConfig(text, file, env);
}

/** `file` names the text in messages; `env` fills `${NAME}` references. */
export function parseConfig(
  yamlText: string,
  file: string,
  env: Env,
): QmsConfig {
  const source = new YamlSource(yamlText);
  const context = new ConfigContext(file, source, env);
  for (const { position, detail } of source.syntaxProblems()) {
    context.report('CONFIG_SYNTAX', [], detail, position);
  }
  throwIfAny(context);

  const raw = toJS(source, context);
  throwIfAny(context);
  validateAgainstSchema(context, raw);
  throwIfAny(context);

  const config = readConfig(context, raw as RawConfig, file);
  throwIfAny(context);
  return config;
}

function readConfig(
  context: ConfigContext,
  raw: RawConfig,
  file: string,
): QmsConfig {
  const thresholds = { ...raw.thresholds };
  const ruleGroups = readRuleGroups(raw);
  const templates = readTemplates(context, raw.notification_templates ?? {});
  const templateNames = new Set(Object.keys(templates));
  const levels = readLevels(context, raw.levels, thresholdScope(thresholds));
  checkRoles(context, raw);
  return {
    file: resolve(file),
    rules: readRules(context, raw, { ruleGroups, thresholds, templateNames }),
    levels,
    channelPriorities: readChannelPriorities(raw, levels),
    templates,
    stakeholders: readStakeholders(context, raw.stakeholders ?? {}),
    thresholds,
    ruleGroups,
    channels: readChannels(context, raw.channels),
    escalation: readEscalationSettings(context, raw),
  };
}

/** Problems in file order, so the first one is the first a reader meets. */
function throwIfAny(context: ConfigContext): void {
  if (context.issues.length === 0) return;
  const issues = [...context.issues].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
  throw new ConfigError(issues);
}

/** The YAML as data; an alias expansion past the limit is a syntax error. */
function toJS(source: YamlSource, context: ConfigContext): unknown {
  try {
    return source.toJS();
  } catch (error) {
    const detail = `cannot expand the YAML: ${(error as Error).message}`;
    context.report('CONFIG_SYNTAX', [], detail);
    return undefined;
  }
}
