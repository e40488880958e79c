import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
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
  const temporary = temporaryFor(file);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * `writeFileAtomic` without holding the thread: the parts are written one
 * after another, asynchronously, to the temporary file, which is then
 * renamed over `file`.
 */
export async function writeFileAtomicInParts(file: string, parts: readonly Uint8Array[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = temporaryFor(file);
  try {
    const handle = await open(temporary, 'w');
    try {
      for (const part of parts)
        for (let at = 0; at < part.length;) at += (await handle.write(part, at, part.length - at)).bytesWritten;
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** A temporary file beside `file`, named by process and a random suffix, so processes writing at once never share one. */
function temporaryFor(file: string): string {
  return `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}
