import type { FileKey } from '../../core/cache/folderIndex';
import { prepareFile } from '../../core/preparedFile';
import type { CorpusFile } from '../corpusFolder';
import type { ReadFile } from '../readFile';
import { extractions } from './extractions';

/**
 * A web page or PDF as the loaders take it: the article made from what the
 * reader extracted (read ahead by `extractions.prefetch`), or why it is
 * skipped. Never persisted in the folder index: its text is the reader's,
 * not the file's, so an index record could not be checked against the file.
 */
export function prepareExtracted(file: CorpusFile, key: FileKey | undefined): ReadFile {
  const result = extractions.get(file.path, key);
  if (!result)
    return { key, prepared: { ok: false, reason: 'not read yet; it is read on the next change' }, cacheable: false };
  if (!result.ok) return { key, prepared: result, cacheable: false };
  const { document } = result;
  const prepared = prepareFile({ ...file, extracted: document }, { ok: true, text: document.text });
  if (prepared.ok) void prepared.article.sections; // parse now, inside the loader's own catch
  return { key, prepared, cacheable: false };
}
