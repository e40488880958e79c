export type Decoded =
  | { readonly ok: true; readonly text: string; readonly warning?: string }
  | { readonly ok: false; readonly reason: string };

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const windows1252 = new TextDecoder('windows-1252');

/**
 * Turns a corpus file's bytes into text, or says why it cannot. Empty,
 * binary (NUL bytes) and oversized files are refused; bytes that are not
 * UTF-8 are read best-effort as Windows-1252, the usual legacy encoding of
 * news text, with a warning naming the first bad byte.
 */
export function decodeCorpusFile(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'file is empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: tooLargeReason(bytes.length, maxBytes) };
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { ok: false, reason: 'file is binary (contains NUL bytes)' };
  try {
    const text = utf8.decode(bytes);
    return text.trim() === '' ? { ok: false, reason: 'file has only whitespace' } : { ok: true, text };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: true,
      text: windows1252.decode(bytes),
      warning: `not valid UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, '0')} at offset ${at}); read as Windows-1252`,
    };
  }
}

/** Why a file of `size` bytes is refused when the limit is `maxBytes`. */
export function tooLargeReason(size: number, maxBytes: number): string {
  return `file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (sourcebook.corpus.maxFileSize)`;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, found by bisection on whole-prefix decoding.
  const streaming = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (streaming(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
