import { existsSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { tempDir } from './temp-dir';

describe('tempDir', () => {
  it('gives each caller a fresh directory', () => {
    const first = tempDir();
    const second = tempDir();

    expect(existsSync(first.path)).toBe(true);
    expect(second.path).not.toBe(first.path);

    first.remove();
    second.remove();
  });

  it('removes the directory with the files in it', () => {
    const dir = tempDir();
    const file = dir.file('qms.db');
    writeFileSync(file, 'x');

    dir.remove();

    expect(dirname(file)).toBe(dir.path);
    expect(existsSync(dir.path)).toBe(false);
  });
});
