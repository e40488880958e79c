import { CitedBy, type CitingNote, citationsInNote } from '../../core/citedBy';
import { entityIndexFor } from '../../core/entities';
import { resolve } from 'node:path';
import { readNoteText } from '../../node/corpusPaths';
import type { CliCommand } from '../context';
import { noteFiles } from '../noteFiles';

/** One entry of `cited-by --json`: a place a note cites the article (or quotes the entity). */
interface CitedByEntry {
  readonly file: string;
  /** 1-based, as `check` gives them. */
  readonly line: number;
  readonly column: number;
  readonly kind: 'quote' | 'sentence';
  readonly articleId: string;
  readonly text: string;
}

export const citedByCommand: CliCommand = {
  name: 'cited-by',
  usage: 'cited-by <article-id | entity> [notes or folders…] [--json]',
  summary: 'the notes and lines that cite an article, or quote an entity (notes default to this folder)',
  run({ corpus, options, out }) {
    const [target, ...paths] = options.positionals;
    if (!target)
      throw new Error('cited-by needs an article id or an entity name, e.g. `sourcebook cited-by qwen-rise`');
    const loaded = corpus();
    const article = loaded.article(target);
    const entities = article ? undefined : entityIndexFor(loaded);
    const entity = entities?.resolve(target);
    if (!article && !entity)
      throw new Error(`no article has the id "${target}", and no entity is called so (see \`sourcebook topics\`)`);

    const cited = new CitedBy();
    // Corpus articles are Markdown too: only notes are read.
    for (const file of noteFiles(paths.length > 0 ? paths : ['.'], 'cited-by'))
      if (!loaded.articleAt(resolve(file))) cited.set(file, citationsInNote(readNoteText(file), loaded));
    const notes = article ? cited.citing(article.id) : entity && entities ? cited.mentioning(entity.id, entities) : [];
    const entries = notes.flatMap(toEntries);

    if (options.json) {
      const about = article
        ? { article: { id: article.id, title: article.title } }
        : { entity: { id: entity?.id, name: entity?.name } };
      out(JSON.stringify({ ...about, notes: notes.length, citations: entries }, null, 2));
      return 0;
    }
    const name = article
      ? `“${article.title}” [${article.id}]`
      : `${entity?.name ?? target} (${entity?.kind ?? 'entity'})`;
    const count = `${notes.length} note${notes.length === 1 ? '' : 's'}`;
    if (article) out(entries.length === 0 ? `${name} is not cited by any note` : `${name} is cited by ${count}:`);
    else
      out(
        entries.length === 0
          ? `${name} is named in no passage a note cites`
          : `${name} is named in passages cited by ${count}:`,
      );
    for (const e of entries) out(`${e.file}:${e.line}:${e.column}: ${e.kind}: ${e.text}`);
    return 0;
  },
};

function toEntries({ note, places }: CitingNote): CitedByEntry[] {
  return places.map((place) => ({
    file: note,
    line: place.range.start.line + 1,
    column: place.range.start.character + 1,
    kind: place.kind,
    articleId: place.articleId,
    text: place.text,
  }));
}
