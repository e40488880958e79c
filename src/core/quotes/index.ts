export {
  applyEdits,
  quoteText,
  renderQuote,
  type RenderedQuote,
  type RenderQuoteOptions,
  type TextEdit,
} from './render';
export { type FootnoteDefinition, noteFootnotes, type NoteFootnotes } from './footnotes';
