// Replaced by the package version at build time (esbuild `define` in
// scripts/build.mjs; the same `define` in vitest.config.mts for tests).
declare const SOURCEBOOK_VERSION: string;

/** The version of the package this CLI was built from. */
export const VERSION: string = SOURCEBOOK_VERSION;
