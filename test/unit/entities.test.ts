import { describe, expect, it } from 'vitest';
import { articleText } from '../../src/core/articleText';
import { Corpus } from '../../src/core/corpus';
import { entityIndexFor, noteMentions } from '../../src/core/entities';
import { decodeCorpusFile } from '../../src/core/parse/decode';
import { joinLines } from './helpers';

const CATALOG = joinLines(
  '- name: Alibaba',
  '  kind: company',
  '  aliases: [Alibaba Group Holding, BABA]',
  '  description: Chinese e-commerce and cloud group.',
  '  related: [Qwen]',
  '- name: Alibaba Cloud',
  '  kind: company',
  '  aliases: [Aliyun]',
  '- name: Qwen',
  '  kind: product',
  '  aliases: [Tongyi Qianwen]',
  '- name: Meta',
  '  kind: company',
  '  caseSensitive: true',
  '- name: United States',
  '  kind: place',
  '  aliases: [US]',
  '- name: Huawei',
  '  kind: company',
  '- name: Ascend',
  '  kind: chip',
  '  aliases: [Huawei Ascend]',
);

function corpusOf(articles: Record<string, string>, catalog?: string): Corpus {
  const corpus = new Corpus();
  if (catalog !== undefined) corpus.setCatalog('/c/entities.yaml', catalog);
  for (const [name, text] of Object.entries(articles)) {
    corpus.setFile({ path: `/c/${name}`, relativePath: name }, decodeCorpusFile(new TextEncoder().encode(text)));
  }
  return corpus;
}

const names = (corpus: Corpus, text: string) => {
  const index = entityIndexFor(corpus);
  return index.findMentions(text).map((m) => `${index.entity(m.entityId)!.name}:${m.text}`);
};

describe('entity mentions', () => {
  const corpus = corpusOf({ 'a.md': '# A\n\nAlibaba builds Qwen.' }, CATALOG);

  it('resolves every alias to its canonical entity', () => {
    expect(names(corpus, 'Tongyi Qianwen, Aliyun and Alibaba Group Holding')).toEqual([
      'Qwen:Tongyi Qianwen',
      'Alibaba Cloud:Aliyun',
      'Alibaba:Alibaba Group Holding',
    ]);
    const index = entityIndexFor(corpus);
    expect(index.resolve('tongyi qianwen')?.name).toBe('Qwen');
    expect(index.resolve('alibaba-cloud')?.name).toBe('Alibaba Cloud');
    expect(index.resolve('Nobody')).toBeUndefined();
  });

  it('prefers the longest name at a position', () => {
    expect(names(corpus, 'Alibaba Cloud grew; Alibaba did not.')).toEqual([
      'Alibaba Cloud:Alibaba Cloud',
      'Alibaba:Alibaba',
    ]);
    expect(names(corpus, 'Huawei Ascend chips')).toEqual(['Ascend:Huawei Ascend']);
  });

  it('matches whole words only', () => {
    expect(names(corpus, 'Alibabas, Qwen2 and preQwen are not mentions; (Qwen) and _Qwen_ are')).toEqual([
      'Qwen:Qwen',
      'Qwen:Qwen',
    ]);
  });

  it('ignores case, except for short acronyms and entities marked case-sensitive', () => {
    expect(names(corpus, 'alibaba and QWEN')).toEqual(['Alibaba:alibaba', 'Qwen:QWEN']);
    expect(names(corpus, 'tell us about baba, then BABA and the US')).toEqual(['Alibaba:BABA', 'United States:US']);
    expect(names(corpus, 'the meta question about Meta')).toEqual(['Meta:Meta']);
  });

  it('finds the possessor in possessives, straight or curly', () => {
    expect(names(corpus, "Huawei's Ascend and Alibaba’s cloud")).toEqual([
      'Huawei:Huawei',
      'Ascend:Ascend',
      'Alibaba:Alibaba',
    ]);
  });

  it('matches a name broken by extra spaces or a line break', () => {
    expect(names(corpus, 'Alibaba  Cloud and Alibaba\nCloud')).toEqual([
      'Alibaba Cloud:Alibaba  Cloud',
      'Alibaba Cloud:Alibaba\nCloud',
    ]);
  });

  it('leaves names inside URLs alone', () => {
    expect(names(corpus, 'See https://www.alibaba.com/qwen or [Qwen](https://qwen.ai) and ops@alibaba.com')).toEqual([
      'Qwen:Qwen',
    ]);
  });

  it('reads a note line by line, as the hover and the CLI do', () => {
    const note = joinLines(
      '# Qwen notes',
      '',
      'Alibaba',
      'Cloud is not one name here; Alibaba Cloud is.\r',
      'And BABA.',
    );
    expect(noteMentions(entityIndexFor(corpus), note).map((m) => [m.line, m.start, m.text])).toEqual([
      [0, 2, 'Qwen'],
      [2, 0, 'Alibaba'],
      [3, 28, 'Alibaba Cloud'],
      [4, 4, 'BABA'],
    ]);
  });

  it('finds the mention under an offset by looking only near it', () => {
    const index = entityIndexFor(corpus);
    const line = `${'x '.repeat(300_000)}Alibaba Cloud${' y'.repeat(300_000)}`;
    const at = line.indexOf('Cloud') + 2;
    expect(index.mentionAt(line, at)).toMatchObject({ text: 'Alibaba Cloud', start: line.indexOf('Alibaba') });
    expect(index.mentionAt(line, 10)).toBeUndefined();
  });
});

describe('entity evidence', () => {
  const corpus = corpusOf(
    {
      'one.md': joinLines(
        '---',
        'id: one',
        'title: One',
        '---',
        '',
        'Alibaba is betting on AI. Its model, Qwen (Tongyi Qianwen), is an open-source family of language models.',
        '',
        'Developers adopted Qwen quickly across China, and Alibaba Cloud sold the compute to run it.',
      ),
      'two.md': joinLines(
        '# Two',
        '',
        'Qwen competes with Western models for enterprise customers in many markets.',
        '',
        'Meta released Llama.',
      ),
    },
    CATALOG,
  );
  const index = entityIndexFor(corpus);
  const qwen = index.resolve('Qwen')!;

  it('counts mentions per article, most first, with where each starts', () => {
    const articles = index.articlesMentioning(qwen.id);
    expect(articles.map((a) => [a.articleId, a.mentions])).toEqual([
      ['one', 3],
      ['two', 1],
    ]);
    const source = articleText(corpus.article('one')!).text;
    expect(source.slice(articles[0]!.first.start.offset, articles[0]!.first.end.offset)).toBe('Qwen');
    expect(articles[0]!.first.start.line).toBe(5);
  });

  it('picks the defining sentence, quotes from other sentences and co-mentioned entities', () => {
    const evidence = index.evidence(qwen.id)!;
    expect(evidence).toMatchObject({ articles: 2, mentions: 4 });
    expect(evidence.definition?.text).toMatch(/^Its model, Qwen \(Tongyi Qianwen\)/);
    expect(evidence.quotes.map((q) => q.articleId).sort()).toEqual(['one', 'two']);
    expect(evidence.quotes.every((q) => q.passageId !== evidence.definition?.passageId)).toBe(true);
    expect(index.entity(qwen.id)!.related.map((id) => index.entity(id)!.name)).toEqual(
      expect.arrayContaining(['Alibaba', 'Alibaba Cloud']),
    );
  });

  it('lists catalog relations first', () => {
    const alibaba = index.resolve('Alibaba')!;
    expect(alibaba.related[0]).toBe(qwen.id);
    expect(alibaba).toMatchObject({
      source: 'catalog',
      kind: 'company',
      description: 'Chinese e-commerce and cloud group.',
    });
  });

  it('is memoized per corpus version', () => {
    expect(entityIndexFor(corpus)).toBe(index);
    corpus.setCatalog('/c/more.yaml', '- name: Llama\n  kind: product\n');
    const next = entityIndexFor(corpus);
    expect(next).not.toBe(index);
    expect(next.resolve('Llama')?.source).toBe('catalog');
  });

  it('reports bad catalog entries and keeps the good ones', () => {
    const bad = corpusOf({ 'a.md': 'Text.' }, '- name: Good\n  kind: company\n- kind: nameless\n- just a string\n');
    const badIndex = entityIndexFor(bad);
    expect(badIndex.resolve('Good')).toBeDefined();
    expect(badIndex.problems).toEqual([
      expect.stringMatching(/entity #2 has no name/),
      expect.stringMatching(/entity #3 is not a mapping/),
    ]);
  });
});
