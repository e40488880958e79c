import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const NOTE_EXTENSIONS = /\.(md|markdown)$/i;

/**
 * The notes a command reads: each argument, or the Markdown files under an
 * argument that is a folder (hidden folders and `node_modules` left out), in
 * name order. Throws for a missing path, or when there is none.
 */
export function noteFiles(paths: readonly string[], command: string): string[] {
  if (paths.length === 0)
    throw new Error(`${command} needs at least one note file or folder, e.g. \`sourcebook ${command} notes/\``);
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new Error(`file not found: ${path}`);
    if (statSync(path).isDirectory()) files.push(...markdownUnder(path));
    else files.push(path);
  }
  return files;
}

function markdownUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...markdownUnder(path));
    else if (entry.isFile() && NOTE_EXTENSIONS.test(entry.name)) found.push(path);
  }
  return found;
}
