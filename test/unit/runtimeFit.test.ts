// The extension runs in the extension host of the oldest VS Code that
// `engines.vscode` admits (1.100, whose host is Node 20), and the CLI on the
// Node that `engines.node` names. Every package that ships inside the bundles
// must declare support for that Node, or `npm ci` warns and the code may use
// APIs that Node lacks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { vscode: string; node: string };
};
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; version?: string; engines?: { node?: string } | string[] }>;
};

describe('runtime fit', () => {
  const oldestNode = semver.minVersion(manifest.engines.node);

  it('names a Node 20 floor, the Node of VS Code 1.100', () => {
    expect(semver.minVersion(manifest.engines.vscode)?.version).toBe('1.100.0');
    expect(oldestNode?.major).toBe(20);
  });

  it('ships only dependencies that declare support for that Node', () => {
    const unfit: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (where === '' || entry.dev) continue;
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (range && oldestNode && !semver.satisfies(oldestNode, range))
        unfit.push(`${where.replace(/^.*node_modules\//, '')}@${entry.version} needs node ${range}`);
    }
    expect(unfit).toEqual([]);
  });
});
