import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file whole or not at all: to a temporary file beside it (named by
 * process and a random suffix, so processes writing at once never share
 * one), then renamed over it. A reader sees the old file or the new one,
 * never half of either; when several processes write, the last rename wins.
 * On failure the temporary file is removed and the error thrown.
 */
export function writeFileAtomic(file: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
