import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus';
import type { Article } from '../../core/model';
import { citedNames } from '../../core/quotes/citedNames';
import type { PostgresArchive } from '../../node/archive/archive';
import { isArchiveUrl, redactedUrl } from '../../node/archive/url';
import type { CorpusService } from '../corpus/corpusService';
import { settingUnderTrust } from '../settings';

/** Where the archive's password is kept in VS Code's SecretStorage (never in settings). */
export const ARCHIVE_PASSWORD_KEY = 'sourcebook.archive.password';

/**
 * The team archive of `sourcebook.archive.url`, with the password from
 * SecretStorage. It is asked only for what a feature needs — the articles a
 * note cites, the hits of a search — and what it answers joins the loaded
 * corpus, so every feature (checks, hover, Topics, quotes) reads archived
 * articles as it reads local ones. Reopened when the setting or the password
 * changes; an archive that cannot be reached is logged, and the editor goes
 * on with the local corpus.
 */
export class ArchiveService implements vscode.Disposable {
  private archive: Promise<PostgresArchive | undefined> | undefined;
  /** Per corpus, the names already asked for (found or not): never asked twice. */
  private asked = new WeakMap<Corpus, Set<string>>();
  private lastError: string | undefined;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly corpus: CorpusService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * The archive's URL as set (no password), or undefined when none is. In an
   * untrusted workspace only the user's own setting counts: a cloned
   * repository must not point Sourcebook at a server of its choosing.
   */
  get url(): string | undefined {
    const url = settingUnderTrust('archive.url').value.trim();
    return url === '' ? undefined : url;
  }

  /** Forgets the connection: the next question reconnects with the settings and password as they are now. */
  reset(): void {
    const closing = this.archive;
    this.archive = undefined;
    this.asked = new WeakMap();
    this.lastError = undefined;
    void closing?.then((archive) => archive?.close()).catch(() => {});
  }

  /**
   * Adds to the corpus the archived articles a note may cite (by footnote
   * label, pandoc key or URL) that it lacks. Resolves with how many joined.
   */
  async bringCited(noteText: string): Promise<number> {
    const corpus = this.corpus.current;
    const asked = this.askedFor(corpus);
    const wanted = citedNames(noteText).filter((name) => !corpus.article(name) && !asked.has(name));
    if (wanted.length === 0) return 0;
    for (const name of wanted) asked.add(name);
    return this.join(corpus, (archive) => archive.articles(wanted));
  }

  /** Adds to the corpus the archived articles of a search's best hits. Resolves with how many joined. */
  async bringSearch(query: string, limit = 20): Promise<number> {
    if (query.trim() === '') return 0;
    return this.join(this.corpus.current, (archive) =>
      archive.search(query, { limit }).then((found) => [...found.articles]),
    );
  }

  private async join(corpus: Corpus, ask: (archive: PostgresArchive) => Promise<Article[]>): Promise<number> {
    const archive = await this.open();
    if (!archive) return 0;
    try {
      const articles = await ask(archive);
      this.lastError = undefined;
      // A reload may have replaced the corpus meanwhile: the answer belongs to the one asked about.
      return corpus === this.corpus.current ? this.corpus.addArticles(articles) : 0;
    } catch (error) {
      this.report(error);
      return 0;
    }
  }

  private askedFor(corpus: Corpus): Set<string> {
    let set = this.asked.get(corpus);
    if (!set) this.asked.set(corpus, (set = new Set()));
    return set;
  }

  private open(): Promise<PostgresArchive | undefined> {
    this.archive ??= (async () => {
      const url = this.url;
      if (url === undefined) return undefined;
      if (!isArchiveUrl(url)) {
        this.report(new Error(`sourcebook.archive.url is not a PostgreSQL URL: ${redactedUrl(url)}`));
        return undefined;
      }
      const password = await this.secrets.get(ARCHIVE_PASSWORD_KEY);
      // The client is loaded only when an archive is set: an editor without one never loads it.
      const { PostgresArchive } = await import('../../node/archive/archive');
      const archive = PostgresArchive.open({ url, ...(password === undefined ? {} : { password }) });
      this.log.info(`team archive: ${archive.label}${password === undefined ? ' (no password stored)' : ''}`);
      return archive;
    })();
    return this.archive;
  }

  private report(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (message === this.lastError) return;
    this.lastError = message;
    this.log.warn(`team archive: ${message}`);
  }

  dispose(): void {
    this.reset();
  }
}
