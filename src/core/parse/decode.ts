export type Decoded =
  | { readonly ok: true; readonly text: string; readonly warning?: string }
  | { readonly ok: false; readonly reason: string };

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const windows1252 = new TextDecoder('windows-1252');

/** Byte-order marks, longest first (UTF-32 LE starts like UTF-16 LE). */
const BOMS: readonly { readonly bytes: readonly number[]; readonly encoding: Encoding }[] = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/**
 * C0 controls other than tab, line feed, vertical tab, form feed and
 * carriage return; DEL; C1 controls. Text holding any is not an article
 * (a binary file, or one decoded with the wrong encoding).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/;

/**
 * Turns a corpus file's bytes into text, or says why it cannot. Empty,
 * binary and oversized files are refused. A byte-order mark says the
 * encoding (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); UTF-16 without one is
 * recognised by its zero bytes. Other bytes that are not UTF-8 are read
 * best-effort as Windows-1252, the usual legacy encoding of news text, with
 * a warning naming the first bad byte and its offset. Text that holds a NUL
 * or another control character anywhere, once decoded, is binary.
 */
export function decodeCorpusFile(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'file is empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: tooLargeReason(bytes.length, maxBytes) };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const control = CONTROL.exec(decoded.text);
  if (control) {
    const code = control[0].charCodeAt(0);
    const what = code === 0 ? 'NUL' : `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return { ok: false, reason: `file is binary (${what} at character ${control.index})` };
  }
  return decoded.text.trim() === '' ? { ok: false, reason: 'file has only whitespace' } : decoded;
}

function decodeText(bytes: Uint8Array): Decoded {
  const bom = BOMS.find(({ bytes: mark }) => mark.every((byte, i) => bytes[i] === byte));
  if (bom?.encoding === 'utf-8') bytes = bytes.subarray(3);
  else if (bom) return decodeAs(bom.encoding, bytes.subarray(bom.bytes.length), undefined);
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return decodeAs(utf16, bytes, `no byte-order mark; read as ${utf16.toUpperCase()}`);
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: true,
      text: windows1252.decode(bytes),
      warning: `not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at}); read as Windows-1252`,
    };
  }
}

function decodeAs(encoding: Encoding, body: Uint8Array, warning: string | undefined): Decoded {
  const name = encoding.toUpperCase().replace(/(LE|BE)$/, ' $1');
  try {
    const text =
      encoding === 'utf-32le' || encoding === 'utf-32be'
        ? decodeUtf32(body, encoding === 'utf-32le')
        : new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    return warning === undefined ? { ok: true, text } : { ok: true, text, warning };
  } catch {
    return { ok: false, reason: `file is not valid ${name} text` };
  }
}

/** UTF-32 (TextDecoder has no UTF-32): four bytes a code point. Throws on a bad length or code point. */
function decodeUtf32(body: Uint8Array, littleEndian: boolean): string {
  if (body.length % 4 !== 0) throw new Error('truncated');
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const parts: string[] = [];
  for (let at = 0; at < body.length; at += 4) {
    const code = view.getUint32(at, littleEndian);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new Error('bad code point');
    parts.push(String.fromCodePoint(code));
  }
  return parts.join('');
}

/**
 * Whether bytes with no byte-order mark look like UTF-16: an even length and
 * a zero in most odd (LE) or even (BE) positions of the first 4 KB, as
 * text mostly in Latin script has, and hardly any on the other side.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const probe = Math.min(bytes.length, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < probe; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const pairs = probe / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Why a file of `size` bytes is refused when the limit is `maxBytes`. */
export function tooLargeReason(size: number, maxBytes: number): string {
  return `file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (sourcebook.corpus.maxFileSize)`;
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or the length. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] ?? 0;
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (lead < 0x80) {
      i++;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) min = 0xa0;
      if (lead === 0xed) max = 0x9f; // no surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) min = 0x90;
      if (lead === 0xf4) max = 0x8f;
    } else return i;
    if (i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k] ?? 0; // i + length <= bytes.length: always there
      if (byte < (k === 1 ? min : 0x80) || byte > (k === 1 ? max : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
