import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real payload from samples/ (real tools' payloads, kept byte for byte), parsed
 * afresh on every call so a test may change it.
 */
export function loadSample(name: string): any {
  const text = readFileSync(
    join(__dirname, '../../../samples', `${name}.json`),
    'utf8',
  );
  return JSON.parse(text);
}
