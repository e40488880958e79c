import { parentPort } from 'node:worker_threads';
import { extractBytes } from './extract';

/** A request to the reader worker: one file's bytes, answered with its extraction under the same id. */
export interface ReaderRequest {
  readonly id: number;
  readonly path: string;
  readonly bytes: Uint8Array;
}

// The reader worker: HTML and PDF parsing off the extension host's thread, one file at a time.
parentPort?.on('message', (request: ReaderRequest) => {
  void extractBytes(request.path, request.bytes).then((result) => parentPort?.postMessage({ id: request.id, result }));
});
