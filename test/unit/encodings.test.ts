import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { decodeCorpusFile, firstInvalidUtf8 } from '../../src/core/parse/decode';

const text = '# Café prices\n\nPrices rose — by 5%.\n';

function utf16(value: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(value.length * 2);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    bytes[2 * i + (littleEndian ? 0 : 1)] = code & 0xff;
    bytes[2 * i + (littleEndian ? 1 : 0)] = code >> 8;
  }
  return bytes;
}

function utf32(value: string, littleEndian: boolean): Uint8Array {
  const points = [...value].map((c) => c.codePointAt(0)!);
  const view = new DataView(new ArrayBuffer(points.length * 4));
  points.forEach((point, i) => view.setUint32(i * 4, point, littleEndian));
  return new Uint8Array(view.buffer);
}

const join = (...parts: (Uint8Array | number[])[]) => new Uint8Array(parts.flatMap((part) => [...part]));

describe('decoding corpus files', () => {
  it('reads UTF-8 with or without a byte-order mark, and UTF-16 and UTF-32 with one', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeCorpusFile(utf8)).toEqual({ ok: true, text });
    expect(decodeCorpusFile(join([0xef, 0xbb, 0xbf], utf8))).toEqual({ ok: true, text });
    expect(decodeCorpusFile(join([0xff, 0xfe], utf16(text, true)))).toEqual({ ok: true, text });
    expect(decodeCorpusFile(join([0xfe, 0xff], utf16(text, false)))).toEqual({ ok: true, text });
    expect(decodeCorpusFile(join([0xff, 0xfe, 0, 0], utf32(text, true)))).toEqual({ ok: true, text });
    expect(decodeCorpusFile(join([0, 0, 0xfe, 0xff], utf32(text, false)))).toEqual({ ok: true, text });
  });

  it('recognises UTF-16 without a byte-order mark and says so', () => {
    expect(decodeCorpusFile(utf16(text, true))).toEqual({
      ok: true,
      text,
      warning: 'no byte-order mark; read as UTF-16LE',
    });
    expect(decodeCorpusFile(utf16(text, false))).toMatchObject({ ok: true, text });
  });

  it('calls text with a NUL or a control character anywhere binary, with where', () => {
    const late = new TextEncoder().encode(`${'x'.repeat(10_000)}\u0000tail`);
    expect(decodeCorpusFile(late)).toEqual({ ok: false, reason: 'file is binary (NUL at character 10000)' });
    expect(decodeCorpusFile(new TextEncoder().encode('Title\u001b[31m red'))).toEqual({
      ok: false,
      reason: 'file is binary (control character U+001B at character 5)',
    });
    // Random bytes with no NUL: not UTF-8, and their Windows-1252 reading holds controls.
    const noise = Uint8Array.from({ length: 512 }, (_, i) => ((i * 97 + 13) % 255) + 1);
    expect(decodeCorpusFile(noise)).toMatchObject({ ok: false, reason: expect.stringMatching(/^file is binary/) });
  });

  it('names the bad byte itself, and its offset, when text is not UTF-8', () => {
    const latin1 = join(new TextEncoder().encode('Caf'), [0xe9], new TextEncoder().encode(' au lait'));
    const decoded = decodeCorpusFile(latin1);
    expect(decoded).toEqual({
      ok: true,
      text: 'Café au lait',
      warning: 'not valid UTF-8 (byte 0xe9 at offset 3); read as Windows-1252',
    });
    expect(firstInvalidUtf8(new TextEncoder().encode('ok ✓'))).toBe(6);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // an encoded surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xf0, 0x9f]))).toBe(1); // cut short
  });

  it('never gives a title a control character or a line break', () => {
    const corpus = new Corpus();
    const file = '---\ntitle: "Line one\\nLine\\ttwo\\u0007"\npublisher: "A\\u0007B"\n---\n\nBody.\n';
    corpus.setFile({ path: '/c/t.md', relativePath: 't.md' }, decodeCorpusFile(new TextEncoder().encode(file)));
    const article = corpus.articleAt('/c/t.md')!;
    expect(article.title).toBe('Line one Line two');
    expect(article.publisher).toBe('A B');
  });
});
