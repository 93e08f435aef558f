import { ConfigError } from './config-error';
import { loadConfig, parseConfig } from './config.loader';
import { lineOf, MINIMAL_CONFIG } from './fixtures/minimal-config.fixture';

const FILE = 'config/qms.yaml';

function errorOf(text: string, env: Record<string, string> = {}): ConfigError {
  try {
    parseConfig(text, FILE, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the config loaded without error');
}

function replaced(from: string, to: string): string {
  if (!MINIMAL_CONFIG.includes(from)) throw new Error(`no "${from}"`);
  return MINIMAL_CONFIG.replace(from, to);
}

describe('config errors', () => {
  it('the minimal config itself loads', () => {
    expect(parseConfig(MINIMAL_CONFIG, FILE, {}).rules).toHaveLength(1);
  });

  it('a YAML syntax error names the line', () => {
    const text = replaced('[phone_call, sms]', '[phone_call, sms');
    const error = errorOf(text);
    expect(error.code).toBe('CONFIG_SYNTAX');
    expect(error.line).toBeGreaterThanOrEqual(lineOf(text, '[phone_call, sms'));
    expect(error.message).toMatch(/^config\/qms\.yaml:\d+:\d+: /);
  });

  it('an unknown top-level key suggests the known one', () => {
    const text = `${MINIMAL_CONFIG}thresold:\n  sla_threshold: 10\n`;
    const error = errorOf(text);
    expect(error.code).toBe('CONFIG_UNKNOWN_KEY');
    expect(error.keyPath).toBe('thresold');
    expect(error.line).toBe(lineOf(text, 'thresold:'));
    expect(error.message).toContain('did you mean "thresholds"?');
  });

  it('an unknown key inside a rule suggests the rule key', () => {
    const error = errorOf(
      replaced('    stakeholders: [ops]', '    stakeholder: [ops]'),
    );
    expect(error.code).toBe('CONFIG_UNKNOWN_KEY');
    expect(error.keyPath).toBe('quality_escalations.score_drop.stakeholder');
    expect(error.message).toContain('did you mean "stakeholders"?');
  });

  it('a misspelt channel suggests the channel', () => {
    const error = errorOf(replaced('[phone_call, sms]', '[phone_call, smss]'));
    expect(error.keyPath).toBe('levels.l0_critical.notification_channels[1]');
    expect(error.message).toContain('did you mean "sms"?');
  });

  it('a tier key typo is reported as such, not as "wrong form"', () => {
    const text = `${MINIMAL_CONFIG}channel_priorities:\n  l0_critical: { primery: [sms] }\n`;
    const error = errorOf(text);
    expect(error.errors.map((e) => e.detail)).toEqual([
      'missing required key "primary"',
      'unknown key "primery" (did you mean "primary"?)',
    ]);
  });

  it('channel priorities of neither form say which forms are allowed', () => {
    const text = `${MINIMAL_CONFIG}channel_priorities:\n  l0_critical: sms\n`;
    const error = errorOf(text);
    expect(error.errors).toHaveLength(1);
    expect(error.message).toContain(
      'expected a list of channels or { primary, secondary, tertiary }',
    );
  });

  it('a bad duration names its key path and line', () => {
    const text = replaced(
      'resolution_sla: 8 hours',
      'resolution_sla: 8 fortnights',
    );
    const error = errorOf(text);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.keyPath).toBe('levels.l2_urgent.resolution_sla');
    expect(error.line).toBe(lineOf(text, '8 fortnights'));
    expect(error.column).toBe(21);
    expect(error.message).toContain('expected a duration');
  });

  it('a bad level name lists the levels', () => {
    const text = replaced(
      'escalation_level: L2_URGENT',
      'escalation_level: L2_URGNT',
    );
    const error = errorOf(text);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.keyPath).toBe(
      'quality_escalations.score_drop.escalation_level',
    );
    expect(error.line).toBe(lineOf(text, 'L2_URGNT'));
    expect(error.message).toContain('did you mean "L2_URGENT"?');
  });

  it('a missing level is named', () => {
    const start = MINIMAL_CONFIG.indexOf('  l3_standard:');
    const end = MINIMAL_CONFIG.indexOf('quality_escalations:');
    const text = MINIMAL_CONFIG.slice(0, start) + MINIMAL_CONFIG.slice(end);
    const error = errorOf(text);
    expect(error.keyPath).toBe('levels');
    expect(error.message).toContain('missing required key "l3_standard"');
  });

  it('a condition syntax error points into the file at the condition', () => {
    const text = replaced('"quality_score < 70%"', '"quality_score < 70% AND"');
    const error = errorOf(text);
    expect(error.code).toBe('CONFIG_CONDITION');
    expect(error.keyPath).toBe('quality_escalations.score_drop.condition');
    expect(error.line).toBe(lineOf(text, 'quality_score'));
    // The text starts at column 17, after `    condition: "`; the parser
    // stops at its end.
    expect(error.column).toBe(17 + 'quality_score < 70% AND'.length);
  });

  it('a condition error in a block scalar points at its line', () => {
    const text = replaced(
      '    condition: "quality_score < 70%"',
      '    condition: >-\n      quality_score < 70%\n      AND (defects > 1',
    );
    const error = errorOf(text);
    expect(error.code).toBe('CONFIG_CONDITION');
    expect(error.line).toBe(lineOf(text, 'AND (defects'));
    expect(error.column).toBe(7 + 'AND (defects > 1'.length);
  });

  it('a name that is neither field nor threshold is a condition error', () => {
    const text = replaced('quality_score < 70%', 'quality_score < score_floor');
    const error = errorOf(text);
    expect(error.code).toBe('CONFIG_CONDITION');
    expect(error.message).toContain('score_floor');
    expect(error.column).toBe(17 + 'quality_score < '.length);
  });

  it('an unknown role is reported where it is named', () => {
    const text = replaced(
      'stakeholders: [ops]',
      'stakeholders: [ops, qa_leed]',
    );
    const error = errorOf(text);
    expect(error.code).toBe('CONFIG_UNKNOWN_ROLE');
    expect(error.keyPath).toBe(
      'quality_escalations.score_drop.stakeholders[1]',
    );
    expect(error.line).toBe(lineOf(text, 'qa_leed'));
    expect(error.column).toBe(25);
  });

  it('an unknown role in a chain suggests a close one', () => {
    const text = `${replaced('primary: [ops] }\n  l1', 'primary: [opps] }\n  l1')}`;
    const error = errorOf(text);
    expect(error.code).toBe('CONFIG_UNKNOWN_ROLE');
    expect(error.keyPath).toBe(
      'levels.l0_critical.escalation_chain.primary[0]',
    );
    expect(error.message).toContain('did you mean "ops"?');
  });

  it('a missing env var is named, and no secret value is quoted', () => {
    const text =
      MINIMAL_CONFIG +
      'channels:\n  webhook:\n    url: "${TEAM_HOOK_URL}"\n' +
      '    headers: { Authorization: "Bearer ${HOOK_TOKEN}" }\n';
    const error = errorOf(text, { HOOK_TOKEN: 's3cr3t-token-value' });
    expect(error.code).toBe('CONFIG_ENV_MISSING');
    expect(error.keyPath).toBe('channels.webhook.url');
    expect(error.message).toContain('TEAM_HOOK_URL');
    expect(error.message).not.toContain('s3cr3t-token-value');
  });

  it('a template that does not compile is reported at its line', () => {
    const text = `${MINIMAL_CONFIG.replace(
      '  quality_failure:',
      '  broken:\n    subject: ok\n    description: |\n      fine\n      {{#each items}}x{{/each\n  quality_failure:',
    )}`;
    const error = errorOf(text);
    expect(error.code).toBe('CONFIG_TEMPLATE');
    expect(error.keyPath).toBe('notification_templates.broken.description');
    expect(error.line).toBe(lineOf(text, '{{#each items}}'));
  });

  it('a rule naming an undefined template suggests a defined one', () => {
    const text = replaced(
      '    stakeholders: [ops]',
      '    stakeholders: [ops]\n    template: quality_failur',
    );
    const error = errorOf(text);
    expect(error.code).toBe('CONFIG_TEMPLATE');
    expect(error.message).toContain('did you mean "quality_failure"?');
  });

  it('a rule name used in two blocks is refused', () => {
    const text =
      MINIMAL_CONFIG +
      'process_escalations:\n  score_drop:\n' +
      '    condition: "a = 1"\n    escalation_level: L3\n';
    const error = errorOf(text);
    expect(error.keyPath).toBe('process_escalations.score_drop');
    expect(error.line).toBe(text.split('\n').lastIndexOf('  score_drop:') + 1);
    expect(error.message).toContain('already used in quality_escalations');
  });

  it('collects every problem, the earliest first', () => {
    let text = replaced('response_time: 1 minute', 'response_time: soon');
    text = text.replace('stakeholders: [ops]', 'stakeholders: [nobody]');
    const error = errorOf(text);
    expect(error.errors.map((e) => e.code)).toEqual([
      'CONFIG_INVALID',
      'CONFIG_UNKNOWN_ROLE',
    ]);
    expect(error.message.split('\n')).toEqual(
      error.errors.map((e) => e.message),
    );
    expect(error.keyPath).toBe('levels.l0_critical.response_time');
  });

  it('a file that cannot be read is a config error', () => {
    expect(() => loadConfig('/nonexistent/qms.yaml', {})).toThrow(
      expect.objectContaining({ code: 'CONFIG_UNREADABLE' }),
    );
  });
});

describe('hostile YAML', () => {
  it('reports an alias bomb as a syntax error naming the file', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    ].join('\n');
    expect(() => parseConfig(bomb, 'bomb.yaml', {})).toThrow(
      expect.objectContaining({ code: 'CONFIG_SYNTAX', file: 'bomb.yaml' }),
    );
  });
});
