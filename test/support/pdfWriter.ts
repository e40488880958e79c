/**
 * A small PDF writer for test fixtures: pages of positioned lines in the
 * standard Helvetica fonts, an info dictionary, and optionally an encryption
 * dictionary no empty password opens. Enough to give the PDF reader
 * documents with known pages, running headers and hyphenated line ends,
 * without a browser.
 */
export interface PdfLine {
  readonly text: string;
  readonly x?: number;
  /** From the top of the page, in points. */
  readonly top: number;
  readonly size?: number;
  readonly bold?: boolean;
}

export interface PdfSpec {
  readonly pages: readonly (readonly PdfLine[])[];
  readonly info?: Readonly<Record<string, string>>;
  /** Pages drawn as an image only, no text (a scan). */
  readonly imageOnly?: readonly number[];
  readonly encrypted?: boolean;
}

const PAGE_HEIGHT = 792;

export function writePdf(spec: PdfSpec): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PAGES');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  add(
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u00ff\u00ff\u0000\nendstream',
  );
  const kids: number[] = [];
  spec.pages.forEach((lines, index) => {
    const image = spec.imageOnly?.includes(index + 1);
    const content = image
      ? 'q 500 0 0 700 50 50 cm /Im1 Do Q'
      : lines
          .map(
            (line) =>
              `BT /${line.bold ? 'F2' : 'F1'} ${line.size ?? 11} Tf ${line.x ?? 72} ${PAGE_HEIGHT - line.top} Td (${escape(line.text)}) Tj ET`,
          )
          .join('\n');
    const contentId = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> /XObject << /Im1 5 0 R >> >> /Contents ${contentId} 0 R >>`,
      ),
    );
  });
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const infoId = add(
    `<< ${Object.entries(spec.info ?? {})
      .map(([k, v]) => `/${k} (${escape(v)})`)
      .join(' ')} >>`,
  );
  const encryptId = spec.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`)
    : undefined;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const id = '<0123456789abcdef0123456789abcdef>';
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${infoId} 0 R${encryptId ? ` /Encrypt ${encryptId} 0 R` : ''} /ID [${id} ${id}] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0) & 0xff);

  function escape(text: string): string {
    return text.replace(/[\\()]/g, (c) => `\\${c}`);
  }
}
