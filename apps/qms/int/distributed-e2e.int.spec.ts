import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { DistributedSystem } from './distributed.fixture';
import { REPO } from './ensure-build.fixture';

const SUITE_TIMEOUT_MS = 240_000;

interface SuiteRun {
  code: number | null;
  output: string;
}

/**
 * The standalone end-to-end suite, unchanged, against the six services as
 * separate processes: intake is the ingestor, the API the projector, and
 * /metrics the sum over every process. Tests that kill, restart or read
 * the outbox file skip themselves against an external system.
 */
describe('the end-to-end suite against distributed mode', () => {
  let system: DistributedSystem | undefined;

  beforeAll(async () => {
    system = await DistributedSystem.start();
  }, 180_000);

  afterAll(() => system?.stop(), 120_000);

  it(
    'passes',
    async () => {
      if (!system) throw new Error('the distributed system did not start');

      const run = await runE2eSuite({
        QMS_E2E_INTAKE_URL: system.intakeUrl,
        QMS_E2E_API_URL: system.apiUrl,
        QMS_E2E_METRICS_URLS: system.urls.join(','),
      });

      if (run.code !== 0) {
        throw new Error(
          `e2e suite exited ${run.code}:\n${run.output}\n${system.logs()}`,
        );
      }
      expect(run.output).toMatch(/Tests:\s+(\d+ skipped, )?\d+ passed/);
    },
    SUITE_TIMEOUT_MS,
  );
});

/** `jest --selectProjects e2e` as a child, with its combined output. */
async function runE2eSuite(env: Record<string, string>): Promise<SuiteRun> {
  const child = spawn(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--selectProjects', 'e2e', '--ci'],
    {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(
    () => child.kill('SIGKILL'),
    SUITE_TIMEOUT_MS - 10_000,
  );
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, output };
}
