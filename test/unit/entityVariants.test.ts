import { describe, expect, it } from 'vitest';
import { discoverEntities } from '../../src/core/entities/discovery';

/** Discovers on one article per list of sentences, with nothing known beforehand. */
function discover(...articles: string[][]) {
  const { entities } = discoverEntities({ articles, known: () => undefined });
  return Object.fromEntries(entities.map((e) => [e.name, { kind: e.kind, aliases: [...e.aliases].sort() }]));
}

describe('joining the names of one entity', () => {
  it('joins two names of a party when two people hold a role under each', () => {
    const found = discover(
      [
        'Whig leader Ada Marsh said the Whigs would cut taxes.',
        'The Whigs want lower duties, said Whig MP Tom Ellery.',
        'Liberal leader Ada Marsh spoke in Leeds on Monday.',
      ],
      [
        'Liberal MP Tom Ellery spoke after the Whig conference.',
        'The Liberals said the plan was costed, and Whig leader Ada Marsh agreed.',
        'Liberal MP Tom Ellery and the Liberal campaign chief met.',
      ],
    );
    expect(found.Whig).toEqual({ kind: expect.any(String), aliases: ['Liberal', 'Liberals', 'Whigs'] });
    expect(found.Liberal).toBeUndefined();
  });

  it('does not join two teams because one player is called after each', () => {
    const found = discover(
      ['Rovers striker Joe Kane scored twice.', 'Rovers striker Joe Kane left the field.'],
      ['Albion striker Joe Kane signed on Monday.', 'Albion striker Joe Kane and Rovers leader Sam Holt met.'],
      ['Albion leader Sam Holt said Rovers fans were welcome.', 'Fans of Rovers and Albion travelled.'],
    );
    expect(found.Rovers).toBeDefined();
    expect(found.Albion).toBeDefined();
  });

  it('joins spellings that differ in case, a possessive or a plural word', () => {
    const found = discover(
      [
        'Shares in Brightwater Capital rose after Brightwater Capital said profits grew.',
        "Brightwater Capital's chief spoke to the Northshire Democrats.",
        'BRIGHTWATER CAPITAL RESULTS',
      ],
      [
        'Analysts at BrightWater Capital were cautious.',
        'The Northshire Democrats met, and a Northshire Democrat spoke.',
        'Another Northshire Democrat left the Northshire Democrats.',
      ],
    );
    expect(found['Brightwater Capital']!.aliases).toEqual(expect.arrayContaining(['BrightWater Capital']));
    expect(found['BrightWater Capital']).toBeUndefined();
    expect(found["Brightwater Capital's"]).toBeUndefined();
    const democrats = found['Northshire Democrats'] ?? found['Northshire Democrat'];
    expect(democrats!.aliases).toEqual(expect.arrayContaining([expect.stringMatching(/^Northshire Democrats?$/)]));
    expect(found['Northshire Democrats'] && found['Northshire Democrat']).toBeFalsy();
  });

  it('joins a short form whose words open the words of a longer name, but not a longer word', () => {
    const found = discover(
      ['The Social Democrats won, said a Soc Dem spokesman.', 'Soc Dem voters cheered the Social Democrats.'],
      ['Fans of New York and the New Yorker magazine met.', 'New York and the New Yorker were named.'],
      ['The Social Democrats and the Soc Dem group met in New York.'],
    );
    expect(found['Social Democrats']!.aliases).toContain('Soc Dem');
    expect(found['Soc Dem']).toBeUndefined();
    expect(found['New York']!.aliases).not.toContain('New Yorker');
  });

  it('keeps a person apart from a plural of the name and folds "Mr Surname" into the one full name', () => {
    const found = discover(
      [
        'Lena Carver said the plan was sound.',
        'Ms Carver added that Lena Carver would stay.',
        'Mr Okafor disagreed with Lena Carver.',
      ],
      ['Ms Carver spoke again.', 'The Carvers, a band from Hull, played.', 'The Carvers played twice.'],
      ['Dan Okafor and Lena Carver met. Mr Okafor left.', 'Dan Okafor said so. Later, Mr Okafor agreed.'],
    );
    expect(found['Lena Carver']).toEqual({ kind: 'person', aliases: ['Carver'] });
    expect(found['Dan Okafor']).toEqual({ kind: 'person', aliases: ['Okafor'] });
    expect(found['Lena Carver']!.aliases).not.toContain('Carvers');
  });

  it('drops a run that is a name before a full name: both are mentions of their own', () => {
    const found = discover(
      ['Whig leader Ada Marsh spoke.', 'Ada Marsh said the Whig plan would work.', 'Whig Ada Marsh left.'],
      ['Ada Marsh and the Whig party met.', 'The Whig party thanked Ada Marsh.'],
    );
    expect(found['Ada Marsh']).toBeDefined();
    expect(found['Whig Ada Marsh']).toBeUndefined();
  });
});
