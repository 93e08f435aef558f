import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-command.fixture';

export const REPO = join(__dirname, '..', '..', '..');
const ENTRY = join(REPO, 'dist', 'apps', 'qms', 'src', 'main.js');

/** Runs `npm run build` unless dist/ is newer than every source file. */
export async function ensureBuild(): Promise<void> {
  const built = mtimeOf(ENTRY);
  const newest = Math.max(
    newestSource(join(REPO, 'apps')),
    newestSource(join(REPO, 'libs')),
  );
  if (built !== undefined && built >= newest) return;
  await runCommand('npm', ['run', 'build'], { cwd: REPO });
}

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/(?<!\.spec)\.ts$/.test(entry.name))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
