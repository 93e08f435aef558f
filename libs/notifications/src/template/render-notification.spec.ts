import type { TemplateConfig } from '@qms/config';
import { DESIGN_TEMPLATES } from './design-templates.fixture';
import { renderNotification } from './render-notification';

const escalationVars = {
  level: 'L1_IMMEDIATE',
  component: 'payments-api',
  summary: 'Quality gate failed',
  escalation_id: 'esc-42',
  rules: ['quality_gate_failure', 'test_failure_spike'],
};

describe('renderNotification', () => {
  it('renders the design quality_failure template with realistic vars', () => {
    const out = renderNotification(DESIGN_TEMPLATES, 'quality_failure', {
      severity: 'critical',
      component: 'payments-api',
      quality_score: 62,
      threshold: 80,
      change: '-18%',
      failed_gates: 'coverage, duplications',
      pr_count: 3,
      duration: '45 minutes',
      impact_description: 'Releases of payments-api are blocked',
      recommended_actions: ['Revert PR #812', 'Re-run the nightly suite'],
      dashboard_url: 'https://qms.example.com/d/payments',
      report_url: 'https://sonar.example.com/r/1',
      pr_list_url: 'https://git.example.com/pulls?q=payments',
    });

    expect(out.fallback).toBeUndefined();
    expect(out.subject).toBe(
      '🔥 Quality Alert: critical issue in payments-api',
    );
    expect(out.summary).toBe('Quality score dropped to 62% (threshold: 80%)');
    expect(out.body).toContain('- Quality Score: 62% (-18% from previous)');
    expect(out.body).toContain(
      '**Recommended Actions:**\n- Revert PR #812\n- Re-run the nightly suite\n',
    );
    expect(out.body).toContain(
      '- [Affected PRs](https://git.example.com/pulls?q=payments)',
    );
  });

  it('renders the design system_failure template with its lists', () => {
    const out = renderNotification(DESIGN_TEMPLATES, 'system_failure', {
      component: 'ingestor',
      failure_type: 'high latency',
      impact: 'signals delayed',
      start_time: '2025-03-01T10:00:00Z',
      duration: '12 minutes',
      status_description: 'p99 above 2 s',
      metrics: [{ name: 'p99', value: 2400, unit: 'ms', threshold: 500 }],
      runbooks: [{ title: 'Latency', url: 'https://wiki.example.com/lat' }],
    });

    expect(out.subject).toBe('⚠️ System Alert: ingestor high latency');
    expect(out.summary).toBe(
      'ingestor experiencing high latency - signals delayed',
    );
    expect(out.body).toContain('- p99: 2400 ms (threshold: 500 ms)');
    expect(out.body).toContain('- [Latency](https://wiki.example.com/lat)');
  });

  it.each(Object.keys(DESIGN_TEMPLATES))(
    'renders %s with no vars as empty text, not as a failure',
    (name) => {
      const out = renderNotification(DESIGN_TEMPLATES, name, {});

      expect(out.fallback).toBeUndefined();
      expect(out.body).not.toMatch(/\{\{|undefined|null/);
      expect(out.summary).not.toMatch(/\{\{|undefined|null/);
    },
  );

  it('renders a missing variable as empty text', () => {
    const out = renderNotification(DESIGN_TEMPLATES, 'system_failure', {
      component: 'ingestor',
      impact: 'signals delayed',
    });

    expect(out.summary).toBe('ingestor experiencing  - signals delayed');
  });

  it('does not escape HTML', () => {
    const templates = { t: template('{{summary}}', '{{summary}}', '{{x}}') };

    const out = renderNotification(templates, 't', {
      summary: '<b>disk</b> & "cpu"',
      x: "a < b && c > 'd'",
    });

    expect(out.subject).toBe('<b>disk</b> & "cpu"');
    expect(out.body).toBe("a < b && c > 'd'");
  });

  it('falls back to a plain message when a block is left open', () => {
    const templates = {
      broken: template('S', 'S', '{{#each recommended_actions}}- {{this}}'),
    };

    const out = renderNotification(templates, 'broken', escalationVars);

    expect(out.fallback?.code).toBe('TEMPLATE_RENDER_FAILED');
    expect(out.fallback?.reason).toContain('broken');
    expect(out.subject).toBe(
      '[L1_IMMEDIATE] payments-api: Quality gate failed',
    );
    expect(out.body).toContain('Escalation: esc-42');
    expect(out.body).toContain(
      'Rules: quality_gate_failure, test_failure_spike',
    );
  });

  it('falls back when a helper fails while rendering', () => {
    const templates = {
      helper: template('{{#with}}x{{/with}}', 'S', 'B'),
      missing: template('S', '{{shout component}}', 'B'),
    };

    const withFailed = renderNotification(templates, 'helper', escalationVars);
    const missing = renderNotification(templates, 'missing', escalationVars);

    expect(withFailed.fallback?.code).toBe('TEMPLATE_RENDER_FAILED');
    expect(missing.fallback?.code).toBe('TEMPLATE_RENDER_FAILED');
    expect(missing.fallback?.reason).toContain('shout');
    expect(missing.summary).toBe('Quality gate failed');
  });

  it('falls back when the template name is unknown', () => {
    const out = renderNotification(DESIGN_TEMPLATES, 'nope', escalationVars);

    expect(out.fallback).toEqual({
      code: 'TEMPLATE_NOT_FOUND',
      reason: 'no template named "nope"',
    });
    expect(out.body).toContain('Level: L1_IMMEDIATE');
  });

  it('does not take inherited properties for template names', () => {
    const out = renderNotification(DESIGN_TEMPLATES, 'toString', {});

    expect(out.fallback?.code).toBe('TEMPLATE_NOT_FOUND');
  });

  it('uses the new text when a template of the same name changes', () => {
    const first = renderNotification({ t: template('one', 's', 'b') }, 't', {});
    const second = renderNotification(
      { t: template('two', 's', 'b') },
      't',
      {},
    );

    expect([first.subject, second.subject]).toEqual(['one', 'two']);
  });

  it('offers no helper that writes to the console', () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const templates = { t: template('{{log component}}', 's', 'b') };

    const out = renderNotification(templates, 't', escalationVars);

    expect(out.fallback?.code).toBe('TEMPLATE_RENDER_FAILED');
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });
});

function template(
  subject: string,
  summary: string,
  description: string,
): TemplateConfig {
  return { subject, summary, description };
}
