import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { citationsPlugin } from '../../src/vscode/preview/markdownItCitations';
import { joinLines } from './helpers';
import { fixtureCorpus } from './quotes/fixtures';

const corpus = fixtureCorpus();

function render(note: string, style: 'apa' | 'chicago' | 'mla' = 'chicago'): string {
  const md = new MarkdownIt();
  citationsPlugin(md, { article: (id) => corpus.article(id), style: () => style });
  return md.render(note);
}

describe('the Markdown preview plugin', () => {
  it('renders footnotes, formatted pandoc citations and the references at the end', { timeout: 60_000 }, () => {
    const html = render(
      joinLines(
        'Text.[^a]',
        '',
        '> "Huawei\'s Ascend processors still lag in software." [@cloud-wars, sec. Chips]',
        '',
        '[^a]: A note.',
      ),
      'apa',
    );
    expect(html).toMatch(/class="footnote-ref"/);
    expect(html).toMatch(/<span class="sourcebook-citation">\(“The Cloud Wars Heat Up,” 2026, sec\. Chips\)<\/span>/);
    expect(html).toMatch(
      /<h2>References<\/h2>\n<p class="sourcebook-reference">The Cloud Wars Heat Up\. \(2026, March 14\)\. <em>Example Times<\/em>\.<\/p>/,
    );
    expect(html.indexOf('sourcebook-bibliography')).toBeGreaterThan(html.indexOf('sourcebook-citation'));
  });

  it('formats a page locator as each style writes a page', { timeout: 60_000 }, () => {
    const note = '> "Huawei\'s Ascend processors still lag in software." [@cloud-wars, p. 4]';
    expect(render(note, 'apa')).toMatch(/sourcebook-citation">\(“The Cloud Wars Heat Up,” 2026, p\. 4\)</);
    expect(render(note, 'chicago')).toMatch(/sourcebook-citation">\(<em>Example Times<\/em> 2026, 4\)</);
    expect(render(note, 'mla')).toMatch(/sourcebook-citation">\(“The Cloud Wars Heat Up” 4\)</);
  });

  it('escapes what it shows of an unknown key, and adds no references for it', () => {
    const html = render('See [@<img src=x onerror=alert(1)>].');
    expect(html).not.toMatch(/<img/);
    expect(html).not.toMatch(/sourcebook-bibliography/);
  });
});
