// Entry point the VS Code extension host loads through extensionTestsPath
// (both code-server and @vscode/test-electron call `run()`). It runs every
// *.test.js that the build put beside it, with mocha's TDD interface.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type MochaType from 'mocha';
import * as vscode from 'vscode';

// mocha's package entry is an ES module; its CommonJS build also loads in
// hosts whose Node cannot require() ES modules (Electron's may not).
const Mocha = createRequire(__filename)('mocha/lib/mocha.cjs') as typeof MochaType;

const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } =
  Mocha.Runner.constants;

/**
 * Reporter that writes with console.log: in code-server, console output of the
 * extension host reaches the runner only through the page's codeAutomationLog,
 * whereas mocha's built-in reporters write to process.stdout.
 */
class LineReporter {
  constructor(runner: MochaType.Runner) {
    let passed = 0;
    let failed = 0;
    let pending = 0;
    const failures: { title: string; error: unknown }[] = [];
    const indent = (depth: number) => '  '.repeat(Math.max(depth, 0));
    const depthOf = (runnable: MochaType.Runnable | MochaType.Suite) => runnable.titlePath().length - 1;

    runner.on(EVENT_SUITE_BEGIN, (suite: MochaType.Suite) => {
      if (!suite.root) console.log(`${indent(depthOf(suite))}${suite.title}`);
    });
    runner.on(EVENT_TEST_PASS, (test: MochaType.Test) => {
      passed++;
      console.log(`${indent(depthOf(test))}✓ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_FAIL, (test: MochaType.Test, error: unknown) => {
      failed++;
      failures.push({ title: test.fullTitle(), error });
      console.log(`${indent(depthOf(test))}✗ ${test.title} [FAILED #${failures.length}]`);
    });
    runner.on(EVENT_TEST_PENDING, (test: MochaType.Test) => {
      pending++;
      console.log(`${indent(depthOf(test))}- ${test.title} (skipped)`);
    });
    runner.once(EVENT_RUN_END, () => {
      failures.forEach(({ title, error }, i) => {
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        console.log(`\nFAILED #${i + 1}: ${title}\n${detail}`);
      });
      if (pending) console.log(`integration: ${pending} skipped`);
      console.log(`integration: ${passed} passed, ${failed} failed`);
    });
  }
}

function findTestFiles(dir: string): string[] {
  // The build does not empty out/, so a deleted test's bundle lingers; when
  // the sources are present (out/test/integration mirrors test/integration),
  // such leftovers are skipped.
  const sourceDir = path.resolve(dir, '../../../test/integration');
  const checkSources = existsSync(sourceDir);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .filter((file) => {
      const stale = checkSources && !existsSync(path.join(sourceDir, file.replace(/\.js$/, '.ts')));
      if (stale) console.log(`(skipping ${file}: its source test/integration/${file.replace(/\.js$/, '.ts')} is gone)`);
      return !stale;
    })
    .sort()
    .map((file) => path.join(dir, file));
}

export async function run(): Promise<void> {
  console.log(`VS Code ${vscode.version}`);
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    // Activation and language features can take seconds on a cold host.
    timeout: 30_000,
    reporter: LineReporter as unknown as MochaType.ReporterConstructor,
  });
  // Lets a runner narrow the suite, e.g. SOURCEBOOK_TEST_GREP=Activation.
  if (process.env.SOURCEBOOK_TEST_GREP) mocha.grep(process.env.SOURCEBOOK_TEST_GREP);

  const files = findTestFiles(__dirname);
  if (files.length === 0) throw new Error(`no *.test.js files found in ${__dirname}; did the build run?`);
  for (const file of files) mocha.addFile(file);

  let ran = 0;
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      const runner = mocha.run(resolve);
      runner.on(EVENT_TEST_PASS, () => ran++).on(EVENT_TEST_FAIL, () => ran++);
    } catch (error) {
      // A test file threw while loading; the host prints the error itself.
      console.log('integration: a test file failed to load');
      console.log('integration: 0 passed, 1 failed');
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  // Zero tests is never a pass: a broken build or a grep that matches nothing.
  if (ran === 0) throw new Error('no integration tests ran');
}
