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

  it('takes a single capitalized word seen inside sentences and rarely in lower case', () => {
    const found = discover(['Shares in Kestrova rose.', 'Traders told Kestrova they would buy.', 'Kestrova said so.']);
    expect(found.Kestrova).toBeDefined();
    // Seen once, with no possessive, it is still a name if never written in lower case…
    expect(discover(['The deal was signed by Ondrix on Friday.']).Ondrix).toBeDefined();
    // … but not when the word is mostly an ordinary one.
    const common = discover([
      'Ask about Ascend pricing.',
      'Prices ascend in spring, and costs ascend too.',
      'Rents ascend again.',
    ]);
    expect(common.Ascend).toBeUndefined();
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

  it('takes a multi-word name seen once inside a sentence, but not everyday words or table headers', () => {
    const found = discover([
      'The award went to Velma Orrick on Friday.',
      'Output rose 4% against the Year Ago figure.',
      'Standings: the L PCT GB row and the W L T GF GA PTS row.',
    ]);
    expect(found['Velma Orrick']).toMatchObject({ kind: 'person' });
    expect(found['Year Ago']).toBeUndefined();
    expect(Object.keys(found).filter((name) => /PCT|GF/.test(name))).toEqual([]);
  });

  it('learns nothing from lines with no lower-case letter', () => {
    expect(Object.keys(discover(['SOCCER - KESTROVA WIN TITLE\nLONDON 1996-08-30']))).toEqual([]);
  });

  it('keeps the full stop of "U.S." and does not make an everyday word a company by its acronym', () => {
    const found = discover([
      'Trade between the U.S. and Canada grew.',
      'Officials in the U.S. agreed under the General Agreement on Tariffs and Trade (GATT).',
      'Demand for trade credit and trade finance rose.',
    ]);
    expect(found['U.S.']).toBeDefined();
    expect(found['U.S']).toBeUndefined();
    expect(found.Trade).toBeUndefined();
  });

  it('gives people, organisations and places a kind from the cues around them', () => {
    const found = discover([
      'Talks in Ruritania went on, said Harriet Quill.',
      'Quill, 54, left for Ruritania on Monday.',
      'Fans of Dunmore FC sang as Zentrix Inc grew.',
      'Zentrix shares rose and Zentrix shares fell.',
      'The NSCB said the Dunmore FC manager spoke to Quill.',
      'Refugees from Ruritania and people in Ruritania agreed.',
      'The game was played in Germany, and the German fans cheered Germany.',
    ]);
    expect(found['Harriet Quill']).toEqual({ kind: 'person', aliases: ['Quill'] });
    expect(found['Dunmore FC']?.kind).toBe('organization');
    expect(found['Zentrix Inc']?.kind).toBe('company');
    expect(found.NSCB?.kind).toBe('organization');
    expect(found.Ruritania?.kind).toBe('place');
    // A gazetteer place, with its people's word as another name of it.
    expect(found.Germany).toEqual({ kind: 'place', aliases: ['German'] });
    expect(Object.values(found).map((entity) => entity.kind)).not.toContain('name');
  });

  it('does not join a surname to one person when several share it', () => {
    const found = discover([
      'Alma Venn met Oskar Venn in town.',
      'Later Alma Venn spoke, and Oskar Venn did too.',
      'Mr Venn said so.',
      'Mr Venn left.',
    ]);
    expect(found['Alma Venn']?.aliases).toEqual([]);
    expect(found['Oskar Venn']?.aliases).toEqual([]);
    expect(found.Venn?.kind).toBe('person');
  });
});

describe('discovered names in the text', () => {
  it('match in capitals on headline and dateline lines, but short acronyms there do not', () => {
    const corpus = new Corpus();
    const text = [
      'Harriet Quill flew to New Carthage on Monday.',
      'Officials in New Carthage met Harriet Quill.',
      'Analysts at Ansk Ventures (AN) said Quill was right, and AN agreed.',
    ].join('\n\n');
    corpus.setFile(
      { path: '/c/q.txt', relativePath: 'q.txt' },
      decodeCorpusFile(new TextEncoder().encode(`Quill\n\n${text}`)),
    );
    const index = entityIndexFor(corpus);
    expect(index.findMentions('NEW CARTHAGE 2005-01-10\nHARRIET QUILL WINS AN AWARD').map((m) => m.text)).toEqual([
      'NEW CARTHAGE',
      'HARRIET QUILL',
    ]);
    // In prose, discovered names keep their case.
    expect(index.findMentions('the new carthage road').map((m) => m.text)).toEqual([]);
  });
});
