import { articleFormat, type Extraction } from '../../core/readers/extracted';
import { decodeHtml, extractHtml } from './html';
import { extractPdf } from './pdf';

/**
 * Reads a web page or PDF's bytes into an extracted document, or says why
 * not. Never throws: a reader's failure on a hostile file is that file's
 * reason to be skipped.
 */
export async function extractBytes(path: string, bytes: Uint8Array): Promise<Extraction> {
  try {
    if (articleFormat(path) === 'pdf') return await extractPdf(bytes);
    const { text, warning } = decodeHtml(bytes);
    const result = extractHtml(text);
    if (!result.ok || !warning) return result;
    const joined = [warning, result.document.warning].filter(Boolean).join('; ');
    return { ok: true, document: { ...result.document, warning: joined } };
  } catch (error) {
    return { ok: false, reason: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
