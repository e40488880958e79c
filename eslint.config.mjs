import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Every Node built-in, bare (`fs`) and prefixed (`node:fs`), with its subpaths (`fs/promises`). */
const nodeBuiltins = builtinModules.flatMap((name) => [name, `${name}/*`, `node:${name}`, `node:${name}/*`]);

const coreMessage =
  'src/core is pure: it is handed text and paths and runs the same in VS Code, the CLI and tests. Read files in src/node, talk to VS Code in src/vscode.';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
      globals: {
        console: 'readonly',
        process: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // In a test, an assertion that `x!` exists is checked by the test itself: a wrong one fails it.
    // vitest types its asymmetric matchers (`expect.any`, `expect.stringMatching`) as `any`.
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // Plain JavaScript scripts are not in the TypeScript project.

    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: coreMessage }],
          patterns: [
            { group: nodeBuiltins, message: coreMessage },
            { group: ['**/node/*', '**/node/**', '**/vscode/**', '**/cli/**'], message: coreMessage },
          ],
        },
      ],
    },
  },
  {
    // Node file access knows nothing of VS Code, so the CLI can use it.
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/node is shared with the CLI: keep VS Code in src/vscode.' }],
          patterns: [
            { group: ['**/vscode/**', '**/cli/**'], message: 'src/node must not depend on src/vscode or src/cli.' },
          ],
        },
      ],
    },
  },
);
