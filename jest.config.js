// One Jest run, three kinds of test sorted by what they need:
// unit (*.spec.ts, pure), e2e (*.e2e.spec.ts, the real process, no outside
// server) and int (*.int.spec.ts, real servers started by tools/ scripts).
const { pathsToModuleNameMapper } = require('./tools/jest/paths');

const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const base = {
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: pathsToModuleNameMapper(),
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
};

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.e2e\\.spec\\.ts$', '\\.int\\.spec\\.ts$'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['**/*.e2e.spec.ts'],
      // Compiles dist/ once: the tests spawn bin/qms.js, which runs it.
      globalSetup: '<rootDir>/apps/qms/e2e/support/build-once.ts',
      // A project's `testTimeout` is ignored by Jest: this sets 60 s.
      setupFilesAfterEnv: ['<rootDir>/apps/qms/e2e/support/e2e-timeout.ts'],
    },
    {
      ...base,
      displayName: 'int',
      testMatch: ['**/*.int.spec.ts'],
      // A project's `testTimeout` is ignored by Jest: this sets 120 s.
      setupFilesAfterEnv: ['<rootDir>/tools/jest/int-timeout.js'],
    },
  ],
};
