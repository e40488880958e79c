/**
 * The parse worker's entry (bundled as `dist/parseWorker.js`): parses one
 * decoded corpus file per message, every section of it, and answers with
 * what the persisted index stores of it; tokenizes a batch of paragraph
 * texts for the search index; or discovers the entities of a corpus from its
 * sentences. Nothing here touches the disk.
 */
import { parentPort } from 'node:worker_threads';
import type { IndexedOutcome } from '../../core/cache/folderIndex';
import { prepareFile } from '../../core/preparedFile';
import { outcomeOf, parsedNow } from '../fileIndexing';
import { analyseDocument } from '../../core/search/termIndex';
import { discoverEntities } from '../../core/entities/discovery';
import { joinedSentences } from '../../core/entities/joinedSentences';
import { foldString, normalizeName } from '../../core/entities/matcher';
import type { AnalyseInput, DiscoverInput, ParseInput } from './parsePool';

parentPort?.on('message', ({ id, input }: { id: number; input: ParseInput | AnalyseInput | DiscoverInput }) => {
  if ('texts' in input) {
    parentPort?.postMessage({ id, output: input.texts.map(analyseDocument) });
    return;
  }
  if ('sentences' in input) {
    // As the entity index hands discovery its catalog's names (`EntityIndex.foldedNames`).
    const known = new Map(input.known);
    const discovery = discoverEntities({
      articles: input.sentences.map(joinedSentences),
      known: (name) => known.get(foldString(normalizeName(name))),
    });
    parentPort?.postMessage({ id, output: discovery });
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
