/**
 * The layout the persisted index files share: a header line, zero bytes to a
 * multiple of four, then 32-bit integers (and, for the search index, its
 * terms). Encoders give their bytes as parts, written one after another.
 */

/** `offset` rounded up to a multiple of four, where the 32-bit arrays start. */
export function align(offset: number): number {
  return (offset + 3) & ~3;
}

/** A header line padded with zero bytes to a multiple of four. */
export function alignedHeader(header: Uint8Array): Uint8Array {
  const padded = new Uint8Array(align(header.length));
  padded.set(header);
  return padded;
}

/** The parts one after another in one array. */
export function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/** Arrays of integers one after another, as the bytes of one array. */
export function joinInts(parts: readonly Int32Array[]): Uint8Array {
  const ints = new Int32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    ints.set(part, at);
    at += part.length;
  }
  return new Uint8Array(ints.buffer);
}
