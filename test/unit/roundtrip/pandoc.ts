import { spawnSync } from 'node:child_process';

/**
 * Fails, saying how to get it, when pandoc is not installed: the round-trip
 * tests never skip quietly (`scripts/host/install-pandoc.sh`, run by
 * `npm test`, installs it from Debian's packages).
 */
export function requirePandoc(): void {
  const result = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error('pandoc is not installed: run `bash scripts/host/install-pandoc.sh` (apt-get install pandoc)');
}
