// What the search benchmark types, shared by the Sourcebook side and the ripgrep side.

/** Queries an analyst might type over the BBC corpus. */
export const QUERIES = [
  'oil prices',
  'interest rates',
  'mobile phone',
  'world cup',
  'general election',
  'broadband',
  'box office',
  'chancellor gordon brown',
  'video games',
  'stock market',
  'steel',
  'film festival',
];

/** Each query as it is typed: every prefix of three characters or more. */
export function typedPrefixes(queries) {
  return queries.flatMap((query) =>
    Array.from({ length: query.length - 2 }, (_, i) => query.slice(0, i + 3)).filter((q) => !q.endsWith(' ')),
  );
}
