// Shared by the two packaging scripts: a staging folder holding a production
// build and copies of what a package may ship, so that packaging never
// replaces the development build in dist/ and each package's own allow-list
// (`files` for npm, .vscodeignore for the .vsix) decides what goes in.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');

export function rootManifest() {
  return JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
}

/**
 * A new folder under the system temp folder with `dist/` (the minified
 * extension and CLI bundles) and copies of `entries` (repo-relative paths).
 */
export function stage(name, entries) {
  const dir = mkdtempSync(path.join(tmpdir(), `sourcebook-${name}-`));
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'scripts/build.mjs'),
      '--production',
      '--out',
      path.join(dir, 'dist'),
      // What went into the bundles, for scripts/package/sizes.mjs.
      ...(process.env.SOURCEBOOK_METAFILE ? ['--metafile', process.env.SOURCEBOOK_METAFILE] : []),
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  for (const entry of entries) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  mkdirSync(DIST, { recursive: true });
  return dir;
}
