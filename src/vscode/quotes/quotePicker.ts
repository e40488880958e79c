import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus';
import { type PassageHit, type PassageSearch, searchIndexFor, snippet } from '../../core/search';

/** What the picker searches and how it introduces itself. */
export interface PickRequest {
  readonly title: string;
  /** Text the search box starts with. */
  readonly query?: string;
  /** Only passages of this article (and section). */
  readonly articleId?: string;
  readonly sectionIndex?: number;
}

interface PassageItem extends vscode.QuickPickItem {
  readonly hit: PassageHit;
}

const LIMIT = 50;
/**
 * How much of a passage the label shows, cut around its first match: about
 * what fits in the QuickPick at its usual width, so the match stays in view.
 */
const SNIPPET_WIDTH = 72;

/**
 * A QuickPick that searches the corpus as the user types: each keystroke runs
 * the (synchronous, fast) passage search and replaces the items. Sourcebook
 * ranks and filters, so items always show and keep their order; the label
 * is the passage (cut around its first match), where VS Code highlights the
 * typed text; the detail names the article and section.
 *
 * While the index is still being built in the background, the picker shows
 * what is indexed so far, says so in its title, and refreshes as it fills in.
 */
export function pickPassage(corpus: Corpus, request: PickRequest): Promise<PassageHit | undefined> {
  const index = searchIndexFor(corpus);
  const picker = vscode.window.createQuickPick<PassageItem>();
  picker.title = request.title;
  picker.placeholder =
    request.articleId === undefined
      ? 'Search the corpus: words, "an exact phrase", or a name'
      : 'Type to narrow down, or pick a sentence';
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  // Keep Sourcebook's ranking: VS Code would otherwise re-sort items whose label contains the typed text.
  (picker as vscode.QuickPick<PassageItem> & { sortByLabel: boolean }).sortByLabel = false;
  picker.value = request.query ?? '';

  const update = () => {
    const partial = !index.complete;
    picker.items = index
      .search(picker.value, { limit: LIMIT, partial, ...scope(request) })
      .map((hit) => item(corpus, hit));
    picker.busy = partial;
    picker.title = partial ? `${request.title} (indexing ${percent(index)}%…)` : request.title;
  };
  update();

  return new Promise((resolve) => {
    const disposables: vscode.Disposable[] = [];
    let warming: ReturnType<typeof setInterval> | undefined;
    if (!index.complete) {
      // Results fill in while the background build goes on.
      warming = setInterval(update, 300);
      void index.warm().then(() => {
        clearInterval(warming);
        warming = undefined;
        update();
      });
    }
    let picked: PassageHit | undefined;
    disposables.push(
      picker.onDidChangeValue(update),
      picker.onDidAccept(() => {
        picked = (picker.selectedItems[0] ?? picker.activeItems[0])?.hit;
        if (picked) picker.hide();
      }),
      picker.onDidHide(() => {
        if (warming) clearInterval(warming);
        disposables.forEach((d) => d.dispose());
        picker.dispose();
        resolve(picked);
      }),
    );
    picker.show();
  });
}

function scope(request: PickRequest): { articleId?: string; sectionIndex?: number } {
  return {
    ...(request.articleId === undefined ? {} : { articleId: request.articleId }),
    ...(request.sectionIndex === undefined ? {} : { sectionIndex: request.sectionIndex }),
  };
}

function item(corpus: Corpus, hit: PassageHit): PassageItem {
  const article = corpus.article(hit.articleId);
  const section = article?.sections[hit.sectionIndex];
  const sectionName = section && section.depth > 0 && section.title !== article?.title ? section.title : undefined;
  const where = [article?.title ?? hit.articleId, sectionName && `§ ${sectionName}`].filter(Boolean).join('  ·  ');
  return {
    label: escapeIcons(snippet(hit.text, hit.matches, SNIPPET_WIDTH).text),
    ...(hit.kind === 'paragraph' ? { description: 'paragraph' } : {}),
    detail: `$(book) ${escapeIcons(where)}`,
    alwaysShow: true,
    hit,
  };
}

/** Corpus text is data: `$(name)` in it must not render as an icon. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

function percent(index: PassageSearch): number {
  const { indexed, total } = index.progress;
  return total === 0 ? 100 : Math.floor((indexed / total) * 100);
}
