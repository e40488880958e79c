// Worker thread entry (bundled as parseWorker.js beside the extension and the
// CLI): reads and parses corpus files off the main thread and answers with
// their persisted-index outcomes and texts, so an extension host stays
// responsive and a second core does the parsing while the first restores.
import { parentPort } from 'node:worker_threads';
import type { CorpusFile } from './corpusFiles';
import { outcomeOf, readAndPrepare } from './fileIndexing';
import type { ParseRequest, ParseResponse, ParsedFile } from './parsePool';

parentPort?.on('message', ({ id, files, maxBytes }: ParseRequest) => {
  const results: ParsedFile[] = files.map((file: CorpusFile) => {
    const { key, prepared, cacheable } = readAndPrepare(file, maxBytes);
    if (!prepared.ok) return { key, skipped: prepared.reason, cacheable };
    return { key, outcome: outcomeOf(prepared), text: prepared.article.source, cacheable };
  });
  const transfer = results.flatMap((result) => ('outcome' in result && 'article' in result.outcome ? [result.outcome.article.structure.buffer as ArrayBuffer] : []));
  const response: ParseResponse = { id, results };
  parentPort!.postMessage(response, transfer);
});
