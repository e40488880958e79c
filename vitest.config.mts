import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // As scripts/build.mjs defines them for the bundles; the tests run the sources, so the HTML and PDF
  // readers run in-process, not in their worker bundle.
  define: { SOURCEBOOK_VERSION: JSON.stringify(version), SOURCEBOOK_BUNDLED: 'false' },
  plugins: [
    {
      // CSL citation styles (media/csl) are imported as text, as esbuild's `text` loader does in the build.
      name: 'csl-as-text',
      transform(code, id) {
        return id.endsWith('.csl') ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined;
      },
    },
  ],
  test: {
    include: ['test/unit/**/*.test.ts'],
    globalSetup: ['test/support/buildParseWorker.ts'],
    environment: 'node',
  },
});
