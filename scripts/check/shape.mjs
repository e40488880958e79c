#!/usr/bin/env node
// The shape checks lint cannot express, run by `npm test`:
//  - no import cycles among the files in src/, counting `import type` too (a
//    type-only cycle still means two modules each own half of one concept), with
//    module paths resolved by the project's own TypeScript and tsconfig;
//  - no file in src/ longer than MAX_LINES (split it by what its parts do).
// Prints every problem and exits 1 if there is any.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const MAX_LINES = 300;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const srcDir = path.join(root, 'src');

const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);

/** @returns {string[]} */
function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts)$/.test(entry.name) ? [full] : [];
  });
}

const files = sourceFiles(srcDir).sort();
const problems = [];

/** @type {Map<string, string[]>} file → the src/ files it imports */
const imports = new Map();
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > MAX_LINES) {
    problems.push(
      `${path.relative(root, file)}: ${lines} lines (more than ${MAX_LINES}); split it by what its parts do`,
    );
  }
  const targets = [];
  for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
    const resolved = ts.resolveModuleName(ref.fileName, file, options, ts.sys).resolvedModule;
    if (!resolved || resolved.isExternalLibraryImport) continue;
    const target = path.resolve(resolved.resolvedFileName);
    if (target.startsWith(srcDir + path.sep) && !target.endsWith('.d.ts')) targets.push(target);
  }
  imports.set(file, targets);
}

// Depth-first search; a back edge to a file still on the stack closes a cycle.
const state = new Map(); // file → 'open' | 'done'
const stack = [];
const seenCycles = new Set();
function visit(file) {
  state.set(file, 'open');
  stack.push(file);
  for (const next of imports.get(file) ?? []) {
    if (state.get(next) === 'open') {
      const cycle = stack.slice(stack.indexOf(next)).map((f) => path.relative(root, f));
      const key = [...cycle].sort().join('|');
      if (!seenCycles.has(key)) {
        seenCycles.add(key);
        problems.push(`import cycle: ${[...cycle, cycle[0]].join(' → ')}`);
      }
    } else if (!state.has(next)) {
      visit(next);
    }
  }
  stack.pop();
  state.set(file, 'done');
}
for (const file of files) if (!state.has(file)) visit(file);

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`\nshape check: ${problems.length} problem(s) in ${files.length} files`);
  process.exit(1);
}
console.log(`shape check: ${files.length} files in src/, no import cycles, none over ${MAX_LINES} lines`);
