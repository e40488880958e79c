import { articleSentences, type Corpus } from '../corpus';
import { contentHash } from '../cache/articleRecord';
import type { Article } from '../model';
import { slug } from '../parse/articleMeta';
import { nextTurn } from '../steps';
import { parseCatalogs } from './catalog';
import { type ArticleScan, scanArticle } from './corpusMentions';
import { MentionPostings } from './mentionPostings';
import type { EntitySnapshot } from './entitySnapshot';
import { aliasEntry, type Draft, fromCatalog, fromDiscovery, matcherKeyOf } from './entityDrafts';
import { type Discovery, discoverEntities } from './discovery';
import { chooseDefinition, chooseQuotes, toEvidence } from './evidence';
import { AliasMatcher, foldString, normalizeName } from './matcher';
import type { ArticleMentions, Entity, EntityEvidence, Mention } from './types';

/** How many related entities an entity lists. */
const MAX_RELATED = 6;

/**
 * The entities of one corpus version: the catalog's and the discovered ones,
 * every name and alias resolved to one entity, a matcher that finds them in
 * any text, and (computed on first use) what the corpus says of each.
 * Build it with `entityIndexFor(corpus)`.
 */
export class EntityIndex {
  private readonly byId = new Map<string, Entity>();
  private readonly byExactName = new Map<string, string>();
  private readonly byFoldedName = new Map<string, string>();
  private readonly matcher = new AliasMatcher();
  private scanned?: MentionPostings;
  private readonly relatedCache = new Map<string, readonly string[]>();
  private readonly evidenceCache = new Map<string, EntityEvidence>();
  /** Catalog entries and files that could not be read. */
  readonly problems: readonly string[];

  /** The names discovery found, as an `EntitySnapshot` keeps them. */
  readonly discovery: Discovery;
  /** Whether discovery was taken from a snapshot rather than run. */
  readonly restored: boolean;
  /** Whether this holds the catalog's entities only, while discovery runs elsewhere. */
  readonly partial: boolean;
  /** Names the entity names and how each matches: scans made with another key found other names. */
  readonly matcherKey: number;
  /** Scans by article id: kept from an earlier index, or made here. */
  readonly scanCache = new Map<string, { readonly hash: number; readonly scan: ArticleScan }>();
  private scanCounts = { restored: 0, scanned: 0 };
  private readonly scannedAhead = new Set<string>();

  constructor(
    private readonly corpus: Corpus,
    /** The discovery of an earlier run over the same texts (see `EntitySnapshot`): taken instead of running it. */
    known?: Discovery,
    /** Mention scans of an earlier index (a snapshot, or the index of the corpus's previous version). */
    previous?: { readonly matcherKey?: number; readonly scans?: EntitySnapshot['scans'] },
    /**
     * `partial`: the catalog's entities only, while discovery runs elsewhere (see `provideDiscovery`);
     * `discoveredElsewhere`: `known` was just made elsewhere for these texts, not restored from a snapshot.
     */
    options: { readonly partial?: boolean; readonly discoveredElsewhere?: boolean } = {},
  ) {
    this.partial = options.partial ?? false;
    const catalog = parseCatalogs(corpus.catalogs());
    this.problems = catalog.problems;
    const drafts: Draft[] = [];
    const ids = new Set<string>();
    const newId = (name: string) => {
      const base = slug(name);
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      return id;
    };
    for (const entry of catalog.entries) {
      if (this.byFoldedName.has(foldString(entry.name))) continue;
      const draft = fromCatalog(newId(entry.name), entry);
      drafts.push(draft);
      this.indexNames(draft);
    }
    const catalogIds = new Map(drafts.map((d) => [d.id, d]));
    const discovery =
      known ??
      discoverEntities({
        articles: [...corpus.articles()].map((article) => sentenceTexts(article)),
        known: (name) => this.byFoldedName.get(foldString(normalizeName(name))),
      });
    this.discovery = discovery;
    this.restored = known !== undefined && !options.discoveredElsewhere;
    for (const { entityId, alias } of discovery.catalogAliases) {
      const draft = catalogIds.get(entityId);
      if (!draft || this.byFoldedName.has(foldString(alias))) continue;
      draft.aliases.push(alias);
      this.indexNames({ ...draft, name: alias, aliases: [] });
    }
    for (const found of discovery.entities) {
      const draft = fromDiscovery(newId(found.name), found);
      drafts.push(draft);
      this.indexNames(draft);
    }
    for (const draft of drafts) {
      for (const name of [draft.name, ...draft.aliases]) this.matcher.add(aliasEntry(draft, name));
      this.byId.set(draft.id, this.toEntity(draft));
    }
    this.matcherKey = matcherKeyOf(drafts);
    if (previous?.scans && previous.matcherKey === this.matcherKey)
      for (const [id, scan] of previous.scans) this.scanCache.set(id, scan);
  }

  /** Whether the corpus's mentions have been gathered (a card was asked for): only then are scans worth writing. */
  get mentionsReady(): boolean {
    return this.scanned !== undefined;
  }

  /** How many articles' mentions came from an earlier scan, and how many were scanned here (after `mentionScans`). */
  get scanStats(): { readonly restored: number; readonly scanned: number } {
    return { ...this.scanCounts };
  }

  /** Every article's mention scan, by article id, as a snapshot keeps them (scanning what is not yet). */
  mentionScans(): ReadonlyMap<string, { readonly hash: number; readonly scan: ArticleScan }> {
    this.mentions();
    const current = new Map<string, { readonly hash: number; readonly scan: ArticleScan }>();
    for (const article of this.corpus.articles()) {
      const scan = this.scanCache.get(article.id); // every article is scanned once mentions are gathered
      if (scan) current.set(article.id, scan);
    }
    return current;
  }

  /**
   * Scans the corpus's articles for mentions in slices of about `sliceMs`,
   * yielding between them, so that the first card (which needs every
   * article's mentions) only assembles what is scanned instead of scanning
   * the corpus on the caller's thread. Resolves when every article is
   * scanned, the mentions are gathered, or `signal` aborts.
   */
  async scanInSlices(signal?: AbortSignal, sliceMs = 10): Promise<void> {
    const articles = this.corpus.articles();
    let at = 0;
    while (at < articles.length && !this.scanned && !signal?.aborted) {
      const started = Date.now();
      for (; at < articles.length && Date.now() - started < sliceMs; at++) {
        const article = articles[at];
        if (article && this.scanCache.get(article.id)?.hash !== contentHash(article)) {
          this.scanOf(article);
          this.scannedAhead.add(article.id);
        }
      }
      await nextTurn();
    }
  }

  /** Every name and alias, folded, with its entity's id: for a `partial` index, what discovery is handed as known. */
  foldedNames(): [string, string][] {
    return [...this.byFoldedName];
  }

  /** Every entity: the catalog's first, in catalog order, then the discovered ones. */
  entities(): Entity[] {
    return [...this.byId.values()];
  }

  entity(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  /** The entity a name, alias or id refers to: exact spelling first, then ignoring case. */
  resolve(nameOrAlias: string): Entity | undefined {
    const name = normalizeName(nameOrAlias);
    const id = this.byId.has(name) ? name : (this.byExactName.get(name) ?? this.byFoldedName.get(foldString(name)));
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** Every entity mention in `text`, left to right, longest names first, never overlapping. */
  findMentions(text: string): Mention[] {
    return this.matcher.scan(text);
  }

  /** The mention covering `offset` in `text`. Looks only near the offset: bounded on any length of text. */
  mentionAt(text: string, offset: number): Mention | undefined {
    return this.matcher.mentionAt(text, offset);
  }

  /** Articles that mention the entity, most mentions first, with where each first does. */
  articlesMentioning(entityId: string): ArticleMentions[] {
    return this.mentions().articlesMentioning(entityId);
  }

  /**
   * What the corpus says of an entity: counts, the defining sentence, a few
   * quotable sentences and the related entities. Undefined for an unknown id.
   */
  evidence(entityId: string): EntityEvidence | undefined {
    const cached = this.evidenceCache.get(entityId);
    if (cached) return cached;
    const entity = this.byId.get(entityId);
    if (!entity) return undefined;
    const stats = this.mentions().mentionsOf(entityId);
    const refs = stats?.sentences ?? [];
    const definition = chooseDefinition(refs);
    const co = stats?.coMentions;
    const evidence: EntityEvidence = {
      entity,
      articles: stats?.articles.size ?? 0,
      mentions: stats?.mentions ?? 0,
      ...(definition ? { definition: toEvidence(definition) } : {}),
      quotes: chooseQuotes(refs, definition).map(toEvidence),
      related: entity.related.flatMap((id) => {
        const other = this.byId.get(id);
        return other ? [{ entity: other, paragraphs: co?.get(id) ?? 0 }] : [];
      }),
    };
    this.evidenceCache.set(entityId, evidence);
    return evidence;
  }

  private mentions(): MentionPostings {
    this.scanned ??= new MentionPostings(this.corpus.articles(), (article) => this.scanOf(article));
    return this.scanned;
  }

  /** An article's scan: the earlier one while its text is unchanged, else scanned now. */
  private scanOf(article: Article): ArticleScan {
    const hash = contentHash(article);
    const known = this.scanCache.get(article.id);
    if (known && known.hash === hash) {
      // Scanned here ahead of time (`scanInSlices`) is not restored from an earlier index.
      if (!this.scannedAhead.delete(article.id)) this.scanCounts.restored++;
      return known.scan;
    }
    const scan = scanArticle(article, this.matcher);
    this.scanCache.set(article.id, { hash, scan });
    this.scanCounts.scanned++;
    return scan;
  }

  private related(draft: Draft): readonly string[] {
    let related = this.relatedCache.get(draft.id);
    if (related) return related;
    const ids = new Set<string>();
    for (const name of draft.relatedNames) {
      const entity = this.byExactName.get(name) ?? this.byFoldedName.get(foldString(name));
      if (entity !== undefined && entity !== draft.id) ids.add(entity);
    }
    const co = [...(this.mentions().mentionsOf(draft.id)?.coMentions ?? [])].sort((a, b) => b[1] - a[1]);
    for (const [id] of co) {
      if (ids.size >= Math.max(MAX_RELATED, draft.relatedNames.length)) break;
      ids.add(id);
    }
    related = [...ids];
    this.relatedCache.set(draft.id, related);
    return related;
  }

  private toEntity(draft: Draft): Entity {
    const entity = {
      id: draft.id,
      name: draft.name,
      kind: draft.kind,
      aliases: draft.aliases,
      ...(draft.description ? { description: draft.description } : {}),
      source: draft.source,
    };
    // Related entities need the corpus scan: computed when first asked for, and still serialized.
    return Object.defineProperty(entity, 'related', {
      enumerable: true,
      get: () => this.related(draft),
    }) as unknown as Entity;
  }

  private indexNames(draft: Pick<Draft, 'id' | 'name' | 'aliases'>): void {
    for (const name of [draft.name, ...draft.aliases]) {
      if (!this.byExactName.has(name)) this.byExactName.set(name, draft.id);
      const folded = foldString(name);
      if (!this.byFoldedName.has(folded)) this.byFoldedName.set(folded, draft.id);
    }
  }
}

function* sentenceTexts(article: Parameters<typeof articleSentences>[0]): Iterable<string> {
  for (const passage of articleSentences(article)) yield passage.text;
}
