// citation-js with the plugins Sourcebook uses: CSL (citeproc and its styles) for
// formatting, BibTeX for reading libraries. Reach it through `citationStack()`.
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';

export { plugins };
