import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
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
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The core is pure: it is handed text and paths, and runs the same in VS Code, the CLI and tests.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core must not depend on VS Code; convert at the src/vscode boundary.' },
            { name: 'fs', message: 'src/core must not touch the file system; pass text in.' },
            { name: 'node:fs', message: 'src/core must not touch the file system; pass text in.' },
            { name: 'fs/promises', message: 'src/core must not touch the file system; pass text in.' },
            { name: 'node:fs/promises', message: 'src/core must not touch the file system; pass text in.' },
          ],
        },
      ],
    },
  },
);
