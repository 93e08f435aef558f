import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeLocal } from './support/qms-target';

const ROOT = resolve(__dirname, '../../..');

function qms(args: string[], env: Record<string, string> = {}) {
  return spawnSync('node', [join(ROOT, 'bin/qms.js'), ...args], {
    env: { ...process.env, PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describeLocal('a configuration error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qms-e2e-config-'));
  const shipped = readFileSync(join(ROOT, 'config/qms.yaml'), 'utf8');
  const broken = join(dir, 'broken.yaml');
  writeFileSync(
    broken,
    shipped.replace(
      'condition: "secrets_detected = true OR credentials_leaked = true"',
      'condition: "secrets_detected = = true"',
    ),
  );

  it('stops start-up with exit code 2, naming file, line and key', () => {
    const run = qms(['start', '--config', broken], { QMS_DATA_DIR: dir });

    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /broken\.yaml:\d+:\d+ security_escalations\.secrets_exposed\.condition: /,
    );
  });

  it('is reported by `qms config check`, and the shipped file passes it', () => {
    expect(qms(['config', 'check', broken]).status).toBe(2);
    const ok = qms(['config', 'check', join(ROOT, 'config/qms.yaml')]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/ok \(\d+ rules, \d+ stakeholders\)/);
  });
});
