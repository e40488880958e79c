declare const SOURCEBOOK_BUILD: string | undefined;

/**
 * Names the code that writes persisted indexes: set by the build from the
 * package version and a hash of the sources, so the CLI and the extension
 * built from one tree share their indexes, and any other build's are
 * discarded. Unbundled code (tests) is `dev`.
 */
export const BUILD_ID: string = typeof SOURCEBOOK_BUILD === 'string' ? SOURCEBOOK_BUILD : 'dev';
