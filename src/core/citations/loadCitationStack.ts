import * as stack from './citationStack';

/**
 * citation-js with its CSL and BibTeX plugins. They are more than half of a
 * bundle and only formatting a citation or reading a BibTeX library needs
 * them, so the extension and CLI bundles keep them in a file of their own
 * (`dist/citationStack.js`) and this loads it on the first call
 * (`scripts/build.mjs` swaps this module's body for that require).
 */
export function citationStack(): typeof stack {
  return stack;
}
