import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  readonly path: string;
  /** A path inside the directory; the file itself is not created. */
  file(name: string): string;
  /** Deletes the directory and everything in it. */
  remove(): void;
}

/** A fresh directory under the OS temp dir, for one test file's data. */
export function tempDir(prefix = 'qms-test-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    file: (name) => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}
