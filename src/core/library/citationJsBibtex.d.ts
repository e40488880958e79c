// citation-js 0.7 ships no type declarations; the BibTeX plugin registers itself on import.
declare module '@citation-js/plugin-bibtex';
