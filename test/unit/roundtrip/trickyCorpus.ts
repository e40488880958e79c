import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A corpus folder of articles whose titles, publishers and text hold what
 * Markdown, HTML and citeproc treat specially, each with a lead and a named
 * section. Returns the folder.
 */
export function trickyCorpus(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const article = (id: string, title: string, publisher: string, lead: string, section: string, text: string) =>
    writeFileSync(
      join(dir, `${id}.md`),
      [
        '---',
        `id: ${id}`,
        `title: ${JSON.stringify(title)}`,
        `publisher: ${JSON.stringify(publisher)}`,
        'date: 2005-03-02',
        '---',
        '',
        lead,
        '',
        `## ${section}`,
        '',
        text,
        '',
      ].join('\n'),
    );
  article(
    'tricky-amp',
    'Q&A: the &#163;1.8m deal & what comes next',
    'Marks & Spencer News',
    'Shares in M&S rose 5% after the &#163;1.8m deal was announced on Tuesday.',
    'Costs & benefits',
    'Analysts said the costs would fall by 2007, while benefits would grow.',
  );
  article(
    'tricky-quotes',
    'Rover deal \'absolute disaster\' says "union" — then talks resume',
    'Wire',
    'The union called the Rover deal an "absolute disaster" for the workers.',
    'Talks "resume" — at last',
    'Talks resumed on Monday -- and both sides said they were hopeful.',
  );
  article(
    'tricky-html',
    'Coding <b>bold</b> [links](command:x) and *stars*',
    'Tech_Daily',
    'The page said <img src=x onerror=alert(1)> and [run](command:workbench.action.quit) in plain sight.',
    'Headings #1 and `code`',
    'Some wrote # not a heading and [^note] not a footnote, at 10:30 on *Monday*.',
  );
  return dir;
}
