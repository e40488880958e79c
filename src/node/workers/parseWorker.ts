/**
 * The parse worker's entry (bundled as `dist/parseWorker.js`): parses one
 * decoded corpus file per message, every section of it, and answers with
 * what the persisted index stores of it; or tokenizes a batch of paragraph
 * texts for the search index. Nothing here touches the disk.
 */
import { parentPort } from 'node:worker_threads';
import type { IndexedOutcome } from '../../core/cache/folderIndex';
import { prepareFile } from '../../core/preparedFile';
import { outcomeOf, parsedNow } from '../fileIndexing';
import { analyseDocument } from '../../core/search/termIndex';
import type { AnalyseInput, ParseInput } from './parsePool';

parentPort?.on('message', ({ id, input }: { id: number; input: ParseInput | AnalyseInput }) => {
  if ('texts' in input) {
    parentPort?.postMessage({ id, output: input.texts.map(analyseDocument) });
    return;
  }
  let output: IndexedOutcome;
  try {
    output = outcomeOf(parsedNow(prepareFile(input.file, input.decoded)));
  } catch (error) {
    output = { skipped: `cannot be parsed: ${error instanceof Error ? error.message : String(error)}` };
  }
  parentPort?.postMessage({ id, output });
});

parentPort?.postMessage({ ready: true });
