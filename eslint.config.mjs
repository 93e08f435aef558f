import nx from '@nx/eslint-plugin';

// Module boundaries by tag: domain code depends on nothing but domain
// code; services (type:app) never import infrastructure clients directly.
// The standalone host (apps/qms) composes the six service apps in one
// process, so their modules may be imported by alias.
const SERVICE_APPS = [
  'ingestor',
  'rule-evaluator',
  'correlator',
  'escalation',
  'notifier',
  'projector',
].map((a) => `@qms/${a}`);
const INFRA_CLIENTS = [
  'kafkajs',
  'mongodb',
  '@eventstore/db-client',
  'better-sqlite3',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      'data',
      'tmp',
      'tools/bench/**',
      'bin/**',
    ],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: SERVICE_APPS,
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
            },
            {
              sourceTag: 'type:application',
              onlyDependOnLibsWithTags: ['type:domain', 'type:application'],
            },
            {
              sourceTag: 'type:infra',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:application',
                'type:infra',
              ],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:application',
                'type:infra',
                'type:runtime',
              ],
            },
            {
              sourceTag: 'type:runtime',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:application',
                'type:infra',
              ],
            },
            {
              sourceTag: 'type:host',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:application',
                'type:infra',
                'type:runtime',
                'type:app',
              ],
            },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    files: ['apps/*/src/**/*.ts'],
    ignores: ['apps/qms/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: INFRA_CLIENTS.map((name) => ({
            name,
            message: 'services talk to infrastructure only through ports',
          })),
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'configuration is read in @qms/config only',
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.fixture.ts', 'libs/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
