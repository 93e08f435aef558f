import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Jest globalSetup of the e2e project: the suite runs `bin/qms.js`, which
 * loads dist/, so compile once before any test file starts. Against an
 * external system (QMS_E2E_INTAKE_URL and QMS_E2E_API_URL) nothing is
 * spawned and nothing is built.
 */
export default function buildOnce(): void {
  const env = process.env;
  if (env.QMS_E2E_INTAKE_URL && env.QMS_E2E_API_URL) return;
  execFileSync('npm', ['run', 'build', '--silent'], {
    cwd: resolve(__dirname, '../../../..'),
    stdio: 'inherit',
  });
}
