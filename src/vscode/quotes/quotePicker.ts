import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus';
import type { ArticlePlace } from '../../core/model';
import { pageAt } from '../../core/readers/extracted';
import { type PassageHit, type PassageSearch, searchIndexFor, snippet } from '../../core/search';
import { chooseCitationStyle, describeStyle, styleInForce } from './citationStyleSetting';
import { PassagePreview } from './passagePreview';

/** What the picker searches and how it introduces itself. */
/** With an article (and section): only passages of it. */
export interface PickRequest extends Partial<ArticlePlace> {
  readonly title: string;
  /** Text the search box starts with; without it, the last search, selected so typing replaces it. */
  readonly query?: string;
  /** The note the quotes go into: its citation style is shown in the title. */
  readonly note?: vscode.Uri;
}

interface PassageItem extends vscode.QuickPickItem {
  readonly hit?: PassageHit;
}

const LIMIT = 50;
/** At most this many passages of one article, so one article cannot fill the list. */
const PER_ARTICLE = 3;
/**
 * How much of a passage the label shows, cut around its first match: about
 * what fits in the QuickPick at its usual width, so the match stays in view.
 */
const SNIPPET_WIDTH = 72;

/** The last search typed, offered (selected) when the picker opens again. */
let lastQuery = '';

const STYLE_BUTTON: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('quote'),
  tooltip: 'Change the citation style',
};

/**
 * A QuickPick that searches the corpus as the user types: each keystroke runs
 * the (synchronous, fast) passage search and replaces the items. Sourcebook
 * ranks and filters, so items always show and keep their order; the label
 * is the passage (cut around its first match), where VS Code highlights the
 * typed text; the detail names the article, section and (for a PDF) page,
 * the description its date and topic. The
 * same passage in several articles shows once, and one article gives at most
 * a few items. The passage under the cursor is previewed in its article
 * beside the note. Several passages can be checked: they come back in the
 * order they were checked (none checked: the active one).
 *
 * The title says which citation style the quotes will get and where it is
 * set, with a button to change it. While the index is still being built in
 * the background, the picker shows what is indexed so far, says so in its
 * title, and refreshes as it fills in.
 */
export function pickPassages(corpus: Corpus, request: PickRequest): Promise<PassageHit[]> {
  const index = searchIndexFor(corpus);
  const picker = vscode.window.createQuickPick<PassageItem>();
  const preview = new PassagePreview(corpus);
  picker.placeholder =
    request.articleId === undefined
      ? 'Search the corpus: words, "an exact phrase", or a name (check several to insert them in order)'
      : 'Type to narrow down, or pick a sentence';
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  picker.canSelectMany = true;
  picker.buttons = [STYLE_BUTTON];
  // Keep Sourcebook's ranking: VS Code would otherwise re-sort items whose label contains the typed text.
  (picker as vscode.QuickPick<PassageItem> & { sortByLabel: boolean }).sortByLabel = false;
  // A search of the whole corpus starts from the last one; the workbench selects a value set before
  // the picker shows, so typing replaces it.
  const again = request.query === undefined && request.articleId === undefined;
  picker.value = request.query ?? (again ? lastQuery : '');

  /** Checked passages, in the order they were checked; kept while the items change under them. */
  const chosen = new Map<string, PassageHit>();
  let updating = false;
  const update = () => {
    const partial = !index.complete;
    const hits = index.search(picker.value, { limit: LIMIT * 2, partial, ...scope(request) });
    const items = passageItems(corpus, hits, request.articleId === undefined);
    picker.items = items.length > 0 ? items : [noMatch(corpus, picker.value)];
    updating = true;
    picker.selectedItems = items.filter((item) => item.hit && chosen.has(item.hit.passageId));
    // A list with checkboxes starts with no active item: make the best one active, so Enter takes
    // it and the preview shows it.
    const [top] = picker.items;
    if (top) picker.activeItems = [top];
    updating = false;
    picker.busy = partial;
    const style = describeStyle(styleInForce(request.note));
    picker.title = `${request.title} — ${style}${partial ? ` (indexing ${percent(index)}%…)` : ''}`;
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
    let picked: PassageHit[] = [];
    let switchingStyle = false;
    disposables.push(
      picker.onDidChangeValue(update),
      picker.onDidChangeSelection((selected) => {
        if (updating) return;
        const visible = new Set(selected.flatMap((item) => (item.hit ? [item.hit.passageId] : [])));
        for (const item of picker.items) {
          if (!item.hit) continue;
          if (visible.has(item.hit.passageId)) {
            if (!chosen.has(item.hit.passageId)) chosen.set(item.hit.passageId, item.hit);
          } else chosen.delete(item.hit.passageId);
        }
      }),
      picker.onDidChangeActive(([active]) => preview.show(active?.hit, picker.value)),
      picker.onDidTriggerButton(async (button) => {
        if (button !== STYLE_BUTTON) return;
        switchingStyle = true;
        await chooseCitationStyle(request.note);
        switchingStyle = false;
        update();
        picker.show();
      }),
      picker.onDidAccept(() => {
        const active = picker.activeItems[0]?.hit ?? picker.items[0]?.hit;
        picked = chosen.size > 0 ? [...chosen.values()] : active ? [active] : [];
        if (picked.length > 0) picker.hide();
      }),
      picker.onDidHide(() => {
        if (switchingStyle) return; // the style picker took the screen for a moment; this one comes back
        if (warming) clearInterval(warming);
        lastQuery = picker.value;
        for (const d of disposables) d.dispose();
        picker.dispose();
        // The quotes go in once the preview has closed and the note's editor is where it was.
        void preview.close().then(
          () => resolve(picked),
          () => resolve(picked),
        );
      }),
    );
    picker.show();
  });
}

function scope(request: PickRequest): Partial<ArticlePlace> {
  return {
    ...(request.articleId === undefined ? {} : { articleId: request.articleId }),
    ...(request.sectionIndex === undefined ? {} : { sectionIndex: request.sectionIndex }),
  };
}

/** The hits as items: identical passages merged (the first, best-ranked, stays), a few per article at most. */
function passageItems(corpus: Corpus, hits: readonly PassageHit[], capPerArticle: boolean): PassageItem[] {
  const byText = new Map<string, { hit: PassageHit; also: Set<string> }>();
  const perArticle = new Map<string, number>();
  for (const hit of hits) {
    const key = hit.text.replace(/\s+/g, ' ').trim().toLowerCase();
    const same = byText.get(key);
    if (same) {
      if (same.hit.articleId !== hit.articleId) same.also.add(hit.articleId);
      continue;
    }
    const count = perArticle.get(hit.articleId) ?? 0;
    if (capPerArticle && count >= PER_ARTICLE) continue;
    perArticle.set(hit.articleId, count + 1);
    byText.set(key, { hit, also: new Set() });
    if (byText.size >= LIMIT) break;
  }
  return [...byText.values()].map(({ hit, also }) => item(corpus, hit, also.size));
}

function item(corpus: Corpus, hit: PassageHit, alsoIn: number): PassageItem {
  const article = corpus.article(hit.articleId);
  const section = article?.sections[hit.sectionIndex];
  const sectionName = section && section.depth > 0 && section.title !== article?.title ? section.title : undefined;
  const passage = corpus.passage(hit.passageId);
  const page = passage ? pageAt(article?.pages, passage.range.start.offset) : undefined;
  const where = [article?.title ?? hit.articleId, sectionName && `§ ${sectionName}`, page !== undefined && `p. ${page}`]
    .filter(Boolean)
    .join('  ·  ');
  const topic = article?.topics[0];
  const description = [
    article?.date ?? 'undated',
    topic && corpus.topic(topic).label,
    hit.kind === 'paragraph' ? 'paragraph' : '',
    alsoIn > 0 ? `also in ${alsoIn} other article${alsoIn === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    label: escapeIcons(snippet(hit.text, hit.matches, SNIPPET_WIDTH).text),
    description: escapeIcons(description),
    detail: `$(book) ${escapeIcons(where)}`,
    alwaysShow: true,
    hit,
  };
}

/** The one item shown when nothing matches: what was searched, and what to try. */
function noMatch(corpus: Corpus, query: string): PassageItem {
  const searched = query.trim();
  return {
    label: searched ? `No passage matches “${escapeIcons(searched)}”` : 'Type to search the corpus',
    detail: searched
      ? `Searched ${corpus.size.toLocaleString('en')} articles for every word of it. Try fewer words, another spelling, or a name.`
      : `${corpus.size.toLocaleString('en')} articles`,
    alwaysShow: true,
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
