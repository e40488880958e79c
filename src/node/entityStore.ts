import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEntityIndex, encodeEntityIndex, entityIndexParts } from '../core/cache/entityIndexFile';
import type { Corpus } from '../core/corpus';
import { corpusFingerprint, type EntityIndex, type EntitySnapshot } from '../core/entities';
import { writeFileAtomic, writeFileAtomicInParts } from './atomicFile';

export type StoredEntityIndex =
  | { readonly status: 'used'; readonly snapshot: EntitySnapshot }
  | { readonly status: 'missing' }
  | { readonly status: 'discarded'; readonly reason: string };

/** Where persisted entity indexes live: one file per corpus (see `corpusKey`), discarded when damaged or foreign. */
export class EntityIndexStore {
  constructor(
    readonly dir: string,
    readonly producer: string,
  ) {}

  fileFor(key: string): string {
    return join(this.dir, `${createHash('sha1').update(key).digest('hex').slice(0, 20)}.entities`);
  }

  read(key: string): StoredEntityIndex {
    const file = this.fileFor(key);
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      return { status: 'missing' };
    }
    const decoded = decodeEntityIndex(bytes, { corpus: key, producer: this.producer });
    if (decoded.ok) return { status: 'used', snapshot: decoded.snapshot };
    rmSync(file, { force: true });
    return { status: 'discarded', reason: decoded.reason };
  }

  write(key: string, snapshot: EntitySnapshot): void {
    writeFileAtomic(this.fileFor(key), encodeEntityIndex(snapshot, { corpus: key, producer: this.producer }));
  }

  /** `write` without holding the thread for the disk. */
  writeInBackground(key: string, snapshot: EntitySnapshot): Promise<void> {
    return writeFileAtomicInParts(
      this.fileFor(key),
      entityIndexParts(snapshot, { corpus: key, producer: this.producer }),
    );
  }
}

/**
 * What to persist of an entity index: its discovery, and its mention scans
 * when it has made them (a search only needs the names; a card needs the scans).
 */
export function entitySnapshotOf(corpus: Corpus, index: EntityIndex): EntitySnapshot {
  const base = { fingerprint: corpusFingerprint(corpus), discovery: index.discovery };
  return !index.mentionsReady ? base : { ...base, matcherKey: index.matcherKey, scans: index.mentionScans() };
}
