import type { TemplateConfig } from '@qms/config';

/** The templates of the design document, section 4.2, as the config holds them. */
export const DESIGN_TEMPLATES: Record<string, TemplateConfig> = {
  quality_failure: {
    subject: '🔥 Quality Alert: {{severity}} issue in {{component}}',
    summary:
      'Quality score dropped to {{quality_score}}% (threshold: {{threshold}}%)',
    description: `A quality issue has been detected in {{component}}:

**Issue Details:**
- Quality Score: {{quality_score}}% ({{change}} from previous)
- Failed Gates: {{failed_gates}}
- Affected PRs: {{pr_count}}
- Duration: {{duration}}

**Impact Assessment:**
- {{impact_description}}

**Recommended Actions:**
{{#each recommended_actions}}
- {{this}}
{{/each}}

**Links:**
- [View Dashboard]({{dashboard_url}})
- [Quality Report]({{report_url}})
- [Affected PRs]({{pr_list_url}})
`,
  },
  system_failure: {
    subject: '⚠️ System Alert: {{component}} {{failure_type}}',
    summary: '{{component}} experiencing {{failure_type}} - {{impact}}',
    description: `System failure detected:

**System Information:**
- Component: {{component}}
- Failure Type: {{failure_type}}
- Start Time: {{start_time}}
- Duration: {{duration}}

**Current Status:**
- {{status_description}}

**Metrics:**
{{#each metrics}}
- {{name}}: {{value}} {{unit}} (threshold: {{threshold}} {{unit}})
{{/each}}

**Runbooks:**
{{#each runbooks}}
- [{{title}}]({{url}})
{{/each}}
`,
  },
};
