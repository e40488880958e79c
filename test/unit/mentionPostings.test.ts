import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { scanArticle } from '../../src/core/entities/corpusMentions';
import { AliasMatcher } from '../../src/core/entities/matcher';
import { MentionPostings } from '../../src/core/entities/mentionPostings';
import { decodeCorpusFile } from '../../src/core/parse/decode';
import { joinLines } from './helpers';

function corpusOf(articles: Record<string, string>): Corpus {
  const corpus = new Corpus();
  for (const [name, text] of Object.entries(articles))
    corpus.setFile({ path: `/c/${name}`, relativePath: name }, decodeCorpusFile(new TextEncoder().encode(text)));
  return corpus;
}

/** Thirty made-up firms, each in a few of twelve articles, two or three to a paragraph. */
function bigCorpus(): { corpus: Corpus; matcher: AliasMatcher; ids: string[] } {
  const ids = Array.from({ length: 30 }, (_, i) => `Firm${String.fromCharCode(65 + (i % 26))}${i}`);
  const matcher = new AliasMatcher(ids.map((id) => ({ alias: id, entityId: id, caseSensitive: true })));
  const articles: Record<string, string> = {};
  for (let a = 0; a < 12; a++) {
    const paragraphs: string[] = [];
    for (let p = 0; p < 4; p++) {
      const names = [ids[(a * 7 + p) % 30]!, ids[(a * 3 + p * 5) % 30]!, ids[(a + p * 11) % 30]!];
      paragraphs.push(`Shares of ${names[0]} rose. ${names[1]} and ${names[2]} fell, and ${names[0]} said so.`);
    }
    articles[`a${a}.md`] = joinLines(`# Article ${a}`, '', ...paragraphs.flatMap((p) => [p, '']));
  }
  return { corpus: corpusOf(articles), matcher, ids };
}

describe('mention postings', () => {
  it('answers the same whether an entity is found by a sweep or through the index by entity', () => {
    const { corpus, matcher, ids } = bigCorpus();
    const swept = new MentionPostings(corpus.articles(), (article) => scanArticle(article, matcher));
    const sweptAnswers = ids.map((id) => ({
      articles: swept.articlesMentioning(id),
      mentions: swept.mentionsOf(id),
    }));
    // A second set, asked in another order, has long passed the sweeps and uses the index.
    const indexed = new MentionPostings(corpus.articles(), (article) => scanArticle(article, matcher));
    for (const id of ids.slice(0, 25)) indexed.articlesMentioning(`${id}-none`);
    for (const [i, id] of [...ids].reverse().entries()) {
      const expected = sweptAnswers[ids.length - 1 - i]!;
      expect(indexed.articlesMentioning(id)).toEqual(expected.articles);
      const mentions = indexed.mentionsOf(id);
      expect(mentions?.mentions).toBe(expected.mentions?.mentions);
      expect(mentions?.coMentions).toEqual(expected.mentions?.coMentions);
      expect(mentions?.sentences.map((s) => s.sentence.text)).toEqual(
        expected.mentions?.sentences.map((s) => s.sentence.text),
      );
    }
  });

  it('counts each shared paragraph once and keeps a sentence once however often it names the entity', () => {
    const corpus = corpusOf({
      'one.md': joinLines(
        '# One',
        '',
        'Acme met Globex. Acme met Globex again, and Acme left.',
        '',
        'Initech stood alone. Acme came later.',
        '',
        'Globex and Initech talked.',
      ),
      'two.md': joinLines('# Two', '', 'Nothing about them here.'),
    });
    const matcher = new AliasMatcher(
      ['Acme', 'Globex', 'Initech'].map((name) => ({ alias: name, entityId: name, caseSensitive: true })),
    );
    const postings = new MentionPostings(corpus.articles(), (article) => scanArticle(article, matcher));
    const acme = postings.mentionsOf('Acme')!;
    expect(acme.mentions).toBe(4);
    expect([...acme.coMentions]).toEqual([
      ['Globex', 1],
      ['Initech', 1],
    ]);
    expect(acme.sentences.map((s) => s.sentence.text)).toEqual([
      'Acme met Globex.',
      'Acme met Globex again, and Acme left.',
      'Acme came later.',
    ]);
    expect(postings.articlesMentioning('Initech')).toMatchObject([{ articleId: 'one', mentions: 2 }]);
    expect(postings.mentionsOf('Nobody')).toBeUndefined();
    expect(postings.articlesMentioning('Nobody')).toEqual([]);
  });
});
