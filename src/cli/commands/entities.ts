import { terminalSafe } from '../../core/text/terminal';
import { readNoteText } from '../../node/corpusPaths';
import { existsSync, statSync } from 'node:fs';
import { entitiesByMentions, entityIndexFor, noteMentions } from '../../core/entities';
import { type CliCommand, type CliContext, wholeCorpus } from '../context';

/** One entry of `entities <file> --json` (product §5). */
interface MentionEntry {
  /** The canonical name. */
  readonly entity: string;
  readonly kind: string;
  /** The exact text matched. */
  readonly text: string;
  /** 1-based line and column (UTF-16 code units, as editors count) where the mention starts. */
  readonly line: number;
  readonly column: number;
  readonly source: 'catalog' | 'discovered';
  readonly entityId: string;
}

export const entitiesCommand: CliCommand = {
  name: 'entities',
  usage: 'entities [file] [--limit n]',
  summary: 'entity mentions in a Markdown file; without one, the corpus entities by mentions',
  run(context) {
    const [file, extra] = context.options.positionals;
    if (extra !== undefined) throw new Error('entities takes one file');
    return file === undefined ? listEntities(context) : fileMentions(context, file);
  },
};

async function fileMentions(context: CliContext, file: string): Promise<number> {
  const { options, out } = context;
  if (!existsSync(file) || statSync(file).isDirectory()) throw new Error(`file not found: ${file}`);
  const index = entityIndexFor(await wholeCorpus(context));
  const entries: MentionEntry[] = noteMentions(index, readNoteText(file)).map((mention) => {
    const entity = index.entity(mention.entityId);
    if (!entity) throw new Error(`mention of unknown entity ${mention.entityId}`);
    return {
      entity: entity.name,
      kind: entity.kind,
      text: mention.text,
      line: mention.line + 1,
      column: mention.start + 1,
      source: entity.source,
      entityId: entity.id,
    };
  });
  if (options.json) out(JSON.stringify(entries, null, 2));
  else for (const e of entries) out(`${file}:${e.line}:${e.column}: ${e.text} → ${e.entity} (${e.kind}, ${e.source})`);
  reportProblems(index.problems);
  return 0;
}

async function listEntities(context: CliContext): Promise<number> {
  const { options, out } = context;
  const index = entityIndexFor(await wholeCorpus(context));
  const ranked = entitiesByMentions(index).slice(0, options.limit ?? Infinity);
  const entries = ranked.map(({ entityId, mentions, articles }) => {
    const entity = index.entity(entityId);
    if (!entity) throw new Error(`ranking names unknown entity ${entityId}`);
    return {
      entity: entity.name,
      kind: entity.kind,
      source: entity.source,
      mentions,
      articles,
      aliases: entity.aliases,
      entityId,
    };
  });
  if (options.json) out(JSON.stringify(entries, null, 2));
  else {
    for (const e of entries) {
      const aliases = e.aliases.length > 0 ? `  (also ${e.aliases.join(', ')})` : '';
      out(
        `${String(e.mentions).padStart(6)} in ${String(e.articles).padStart(4)}  ${e.entity} — ${e.kind}, ${e.source}${aliases}`,
      );
    }
  }
  reportProblems(index.problems);
  return 0;
}

function reportProblems(problems: readonly string[]): void {
  for (const problem of problems) process.stderr.write(`sourcebook: entity catalog: ${terminalSafe(problem)}\n`);
}
