import { defineConfig } from 'vitest/config';

export default defineConfig({
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
    environment: 'node',
  },
});
