export { applyEdits, renderQuote, type RenderedQuote, type RenderQuoteOptions, type TextEdit } from './render';
export { citedQuoteParts, footnoteLabel, pandocCitation, quoteText, REFERENCE_HEADINGS } from './citedQuote';
export {
  type FootnoteDefinition,
  type NoteCitation,
  type NoteQuote,
  type NoteScan,
  type ReferenceList,
  scanNote,
} from './noteScan';
