/**
 * FNV-1a over the UTF-16 code units of `text`, as an unsigned 32-bit number.
 * Not cryptographic: it tells whether a file's text is still the text a
 * cached index was built from, alongside its length.
 */
export function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
