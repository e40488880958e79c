import type { FileKey } from '../core/cache/folderIndex';
import { isFolderOutside, listArticleFiles } from './corpusFiles';
import {
  type CorpusFile,
  type CorpusFolder,
  corpusFileOf,
  isArticlePath,
  isRelevantChange,
  relativeTo,
} from './corpusFolder';
import { inspectPath, realRootOf } from './corpusPaths';

/**
 * What one changed path of a corpus folder comes to, looked at as the first
 * walk looks at a folder: regular files inside the corpus folder only, links
 * out of it, FIFOs and devices skipped with why, linked folders not walked.
 */
export type ChangedPath =
  /** Nothing is there to read (gone, or a linked folder): what was at or under it goes. */
  | { readonly kind: 'gone' }
  /** Not an article file: nothing changes. */
  | { readonly kind: 'ignored' }
  /** An article file, or a link out of the corpus, that is not read, and why. */
  | { readonly kind: 'skipped'; readonly reason: string }
  /**
   * The article files there now: the file itself (with the key just looked
   * at), or those of a folder (`folder`), with the ones the walk skipped.
   */
  | {
      readonly kind: 'files';
      readonly folder: boolean;
      readonly listed: readonly CorpusFile[];
      readonly skipped: readonly { readonly path: string; readonly reason: string }[];
      readonly key?: FileKey;
    };

/** Looks at a changed path of `folder` on disk. */
export function lookAtChange(path: string, folder: CorpusFolder): ChangedPath {
  const realRoot = realRootOf(folder.root);
  const found = inspectPath(path, realRoot);
  if (found.kind === 'missing' || (found.kind === 'directory' && found.link)) return { kind: 'gone' };
  if (found.kind === 'skipped')
    return isArticlePath(path) || isFolderOutside(path, found.reason)
      ? { kind: 'skipped', reason: found.reason }
      : { kind: 'gone' };
  if (found.kind === 'directory') {
    const skipped: { path: string; reason: string }[] = [];
    const listed = listArticleFiles([folder], undefined, path, (at, reason) => skipped.push({ path: at, reason }));
    return { kind: 'files', folder: true, listed, skipped };
  }
  if (!isArticlePath(path)) return { kind: 'ignored' };
  if (found.link) {
    // A link to an article of the corpus would list it twice: it is read under its own name.
    const target = folder.root + found.realPath.slice(realRoot.length);
    if (target !== path && isRelevantChange([folder], target) && isArticlePath(target))
      return { kind: 'skipped', reason: `is a link to ${target}, read under that name` };
  }
  const file = { ...corpusFileOf(folder, path, relativeTo(folder.root, path)), realPath: found.realPath };
  return { kind: 'files', folder: false, listed: [file], skipped: [], key: { size: found.size, mtime: found.mtime } };
}
