import type { Corpus } from '../../core/corpus';
import { type EntityIndex, type EvidenceSentence, excerpt, kindInWords } from '../../core/entities';
import type { Article } from '../../core/model';
import { Commands } from '../commandIds';
import { SafeMarkdown } from './safeMarkdown';
import type { NotePlace } from '../quotes/quoteCommands';

/** Longest quote shown on a card, in characters; longer sentences are cut around the mention. */
const QUOTE_LENGTH = 160;
const DEFINITION_LENGTH = 200;
const TITLE_LENGTH = 48;
const RELATED_SHOWN = 5;

/**
 * The hover card of an entity (product §3): name, kind, aliases and
 * description; links to insert a quote, show the entity in the sidebar and
 * open the article that mentions it most; then what the corpus says (counts,
 * related entities, the defining sentence, short quotes with citations). Every piece of corpus text goes through `SafeMarkdown.text`.
 * Undefined for an id the index does not know.
 */
export function entityCard(
  index: EntityIndex,
  corpus: Corpus,
  entityId: string,
  /** Where the hovered mention is: a quote inserted from the card goes there (after its paragraph). */
  at?: NotePlace,
): SafeMarkdown | undefined {
  const evidence = index.evidence(entityId);
  if (!evidence) return undefined;
  const { entity } = evidence;
  const md = new SafeMarkdown();
  const top = index.articlesMentioning(entity.id)[0];

  // What it is, and what one can do with it, come first: the hover shows its top and scrolls.
  md.strong(entity.name).markup(' — *').text(kindInWords(entity.kind)).markup('*');
  if (entity.source === 'discovered') md.markup(' · *discovered in the corpus*');
  if (entity.description) md.markup('  \n').text(entity.description);
  else if (entity.source === 'discovered')
    md.markup('  \n*')
      .text(`Found in ${count(evidence.articles, 'article')}, not in a catalog.`)
      .markup('*');
  if (entity.aliases.length > 0) {
    md.markup('  \n*Also:* ');
    entity.aliases.forEach((alias, i) => md.markup(i > 0 ? ' · ' : '').text(alias));
  }
  md.markup('\n\n');
  md.commandLink(`Insert a quote about ${entity.name}…`, Commands.insertCitedQuote, {
    entity: entity.name,
    ...(at ? { at } : {}),
  });
  md.markup(' · ').commandLink('Show in Entities', Commands.showInEntities, { entity: entity.name });
  if (top)
    md.markup(' · ').commandLink('Open article', Commands.openArticle, {
      articleId: top.articleId,
      line: top.first.start.line,
      highlight: [entity.name, ...entity.aliases],
    });
  md.markup('\n\n---\n\n');

  md.markup(
    evidence.mentions === 0
      ? '*Not mentioned in the corpus text.*'
      : `**${count(evidence.mentions, 'mention')} in ${count(evidence.articles, 'article')}**`,
  );
  const related = evidence.related.slice(0, RELATED_SHOWN);
  if (related.length > 0) {
    md.markup(' · *Related:* ');
    related.forEach(({ entity: other }, i) => md.markup(i > 0 ? ' · ' : '').text(other.name));
  }
  md.markup('\n\n');
  if (evidence.definition) {
    md.markup('*Introduced:* ');
    quote(md, evidence.definition, DEFINITION_LENGTH);
    md.markup(' — ');
    citation(md, corpus.article(evidence.definition.articleId), evidence.definition);
    md.markup('\n\n');
  }
  for (const sentence of evidence.quotes) {
    md.markup('> ');
    quote(md, sentence, QUOTE_LENGTH);
    md.markup(' — ');
    citation(md, corpus.article(sentence.articleId), sentence);
    md.markup('\n\n');
  }
  return md;
}

/** A sentence in curly quotes (its own straight ones stay distinct), cut around the mention, with the mention in bold. */
function quote(md: SafeMarkdown, sentence: EvidenceSentence, length: number): void {
  const { start, end } = sentence.mention;
  const marked = `${sentence.text.slice(0, start)}\u0000${sentence.text.slice(start, end)}\u0000${sentence.text.slice(end)}`;
  const [before = '', mention = '', after = ''] = excerpt(marked, start, end + 2, length).split('\u0000');
  md.markup('“').text(before).strong(mention).text(after).markup('”');
}

/** *Title*, publisher, date — the title a link to the quoted line of the article. */
function citation(md: SafeMarkdown, article: Article | undefined, sentence: EvidenceSentence): void {
  if (!article) return;
  const title =
    article.title.length > TITLE_LENGTH
      ? `${article.title.slice(0, TITLE_LENGTH).replace(/\s+\S*$/, '')}…`
      : article.title;
  md.markup('*')
    .commandLink(title, Commands.openArticle, { articleId: article.id, line: sentence.range.start.line })
    .markup('*');
  md.markup(', ')
    .text(article.publisher ?? 'publisher unknown')
    .markup(', ')
    .text(article.date ?? 'undated');
}

function count(n: number, noun: string): string {
  // Grouped by hand: the first toLocaleString of a process loads locale data, some 20 ms of the first card.
  return `${String(n).replace(/\B(?=(\d{3})+$)/g, ',')} ${noun}${n === 1 ? '' : 's'}`;
}
