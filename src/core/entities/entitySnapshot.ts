import { contentHash } from '../cache/articleRecord';
import type { Corpus } from '../corpus';
import { textHash } from '../text/hash';
import type { ArticleScan } from './corpusMentions';
import type { Discovery } from './discovery';

/**
 * What an entity index persists: the names discovery found (valid while
 * `fingerprint`, over every article's text and the catalogs, is the corpus's),
 * and per article its mention scan (valid while the article's text hash is
 * `hash` and the entity names, `matcherKey`, are the same).
 */
export interface EntitySnapshot {
  readonly fingerprint: number;
  readonly discovery: Discovery;
  readonly matcherKey?: number;
  readonly scans?: ReadonlyMap<string, { readonly hash: number; readonly scan: ArticleScan }>;
}

/** FNV-1a over 32-bit values. */
export class Fingerprint {
  private hash = 0x811c9dc5;
  mix(value: number): this {
    this.hash = Math.imul(this.hash ^ value, 0x01000193) >>> 0;
    return this;
  }
  text(value: string): this {
    return this.mix(textHash(value));
  }
  get value(): number {
    return this.hash;
  }
}

/**
 * A number that changes when any article's text or id, or the catalogs,
 * change: discovery over the same texts finds the same names. Restored
 * articles give their recorded hash, so this reads no text.
 */
export function corpusFingerprint(corpus: Corpus): number {
  const print = new Fingerprint();
  for (const article of corpus.articles()) print.text(article.id).mix(contentHash(article));
  for (const { path, text } of corpus.catalogs()) print.text(path).text(text);
  return print.value;
}
