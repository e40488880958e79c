import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { entityIndexFor } from '../../src/core/entities';
import { discoverEntities } from '../../src/core/entities/discovery';
import { decodeCorpusFile } from '../../src/core/parse/decode';

/** Discovers on one article per list of sentences, with nothing known beforehand. */
function discover(...articles: string[][]) {
  const { entities } = discoverEntities({ articles, known: () => undefined });
  return Object.fromEntries(entities.map((e) => [e.name, { kind: e.kind, aliases: [...e.aliases].sort() }]));
}

describe('entity discovery', () => {
  it('takes "Full Name (ALIAS)" and "Company (TICKER)" definitions, once is enough', () => {
    const found = discover([
      'Shares in Zentrix Holdings (ZTX) rose after the US Securities and Exchange Commission (SEC) closed its inquiry.',
      'The company also sells Orbit (Kestrel Cloud Platform) to banks.',
    ]);
    expect(found['Zentrix Holdings']).toEqual({ kind: 'company', aliases: ['ZTX'] });
    expect(found['Securities and Exchange Commission']).toEqual({ kind: 'organization', aliases: ['SEC'] });
    expect(found.Orbit).toEqual({ kind: 'unknown', aliases: ['Kestrel Cloud Platform'] });
  });

  it('defines lower-case terms by the initials of their acronym', () => {
    expect(discover(['Qwen is a large language model (LLM) trained on text.'])['large language model']).toEqual({
      kind: 'concept',
      aliases: ['LLM'],
    });
  });

  it('keeps capitalized multi-word names that recur, without the words around them', () => {
    const found = discover(
      ['Shares in Northwind Traders fell.', 'But Northwind Traders said sales rose.'],
      [
        'Analysts expect Northwind Traders to recover.',
        'The Central Bank of Freedonia held rates.',
        'The Central Bank of Freedonia met.',
      ],
    );
    expect(Object.keys(found).sort()).toEqual(['Central Bank of Freedonia', 'Northwind Traders']);
  });

  it('needs a possessive to believe a single capitalized word is a name', () => {
    const sentences = [
      "Huawei's Ascend chips are scarce.",
      'Buyers asked Huawei for more.',
      'Huawei said no.',
      'Others praised Huawei again.',
      'Ascend demand grew at Huawei.',
    ];
    const found = discover(sentences);
    expect(found.Huawei).toBeDefined();
    expect(found.Ascend).toBeUndefined();
    expect(
      discover([...sentences, 'Even so, Ascend sales doubled.', 'Many firms want Ascend parts.']).Ascend,
    ).toBeDefined();
  });

  it('refuses words that are common in lower case, days and peoples', () => {
    const found = discover([
      "Markets rose on Monday's news.",
      'In the markets, traders said markets rose.',
      "The French government's plan was French policy, said French officials in French ports.",
    ]);
    expect(found).toEqual({});
  });

  it('cuts titles off names and folds "Mr Surname" into the full name', () => {
    const found = discover([
      'Prime Minister Tony Blair spoke.',
      'Later, Tony Blair said the plan was sound.',
      'Mr Blair added that Mr Blair would stay.',
      "Critics of Mr Blair's plan objected.",
    ]);
    expect(found['Tony Blair']).toEqual({ kind: 'person', aliases: ['Blair'] });
    expect(found.Blair).toBeUndefined();
    expect(found['Prime Minister']).toBeUndefined();
  });

  it('does not take labels of results tables as aliases', () => {
    const found = discover([
      'Andre Agassi (US) beat Tim Henman (UK) while Andy Roddick (US) lost.',
      'Fans cheered Andre Agassi.',
      'It was Andre Agassi again.',
    ]);
    expect(found['Andre Agassi']?.aliases).toEqual([]);
  });

  it('gives a corpus without a catalog working hover entities', () => {
    const corpus = new Corpus();
    const text = [
      'Northwind Traders (NWT) opened a store in Springfield.',
      "Northwind Traders' rivals watched as Northwind Traders grew.",
      "Springfield's mayor welcomed it, and Springfield's shoppers came.",
      'Visitors to Springfield praised Northwind Traders.',
    ].join('\n\n');
    corpus.setFile(
      { path: '/c/n.txt', relativePath: 'n.txt' },
      decodeCorpusFile(new TextEncoder().encode(`Northwind\n\n${text}`)),
    );
    const index = entityIndexFor(corpus);
    expect(index.resolve('NWT')).toMatchObject({ name: 'Northwind Traders', source: 'discovered', kind: 'company' });
    expect(index.findMentions('Is NWT in Springfield?').map((m) => m.text)).toEqual(['NWT', 'Springfield']);
    expect(index.articlesMentioning(index.resolve('Northwind Traders')!.id)[0]?.mentions).toBe(5);
  });
});
