import { type PdfLine, writePdf } from './pdfWriter';

/** Lines of a paragraph set from `top`, 14 points apart. */
function paragraph(top: number, ...lines: string[]): PdfLine[] {
  return lines.map((text, i) => ({ text, top: top + i * 14 }));
}

function page(number: number, count: number, body: PdfLine[]): PdfLine[] {
  return [
    { text: 'Northwind Energy Review · March 2026', top: 40, size: 9 },
    ...body,
    { text: `Page ${number} of ${count}`, top: 760, size: 9, x: 280 },
  ];
}

/**
 * A four-page report with a running header and footer on every page, a
 * heading, words hyphenated at line ends, and a sentence on page 3 that
 * appears nowhere else.
 */
export function windReportPdf(): Uint8Array {
  return writePdf({
    info: {
      Title: 'Offshore wind auction clears at record low price',
      Author: 'Ada Brennan',
      CreationDate: 'D:20260311090000Z',
      Producer: 'Report Writer 2',
    },
    pages: [
      page(1, 4, [
        { text: 'Offshore wind auction clears at record low price', top: 90, size: 20, bold: true },
        ...paragraph(
          140,
          'The third offshore wind auction closed on Tuesday with eleven projects awarded con-',
          'tracts for difference. The auction cleared at a record low strike price, helped by',
          'cheaper turbines and lower financing costs than in the previous round.',
        ),
        ...paragraph(
          200,
          'Developers bid for 6.1 gigawatts of capacity in total, of which 4.8 gigawatts won',
          'support. The energy ministry called the result a turning point for the North Sea.',
        ),
      ]),
      page(2, 4, [
        { text: 'Financing', top: 90, size: 14, bold: true },
        ...paragraph(
          120,
          'Banks lent on easier terms than a year ago. Several developers signed power pur-',
          'chase agreements with industrial buyers before the auction opened, which reduced',
          'the risk lenders had to carry.',
        ),
      ]),
      page(3, 4, [
        { text: 'Grid connections', top: 90, size: 14, bold: true },
        ...paragraph(
          120,
          'Grid operators expect the new cables to carry 4.2 gigawatts by the end of 2028.',
          'Delays at two onshore substations remain the largest threat to that timetable.',
        ),
      ]),
      page(4, 4, [
        ...paragraph(
          90,
          'Ministers said a fourth auction would open next spring. Industry groups asked for',
          'a longer notice period so that supply chains can plan their manu-',
          'facturing slots.',
        ),
      ]),
    ],
  });
}

/** A PDF whose pages are images only: no text layer, as a scan without OCR. */
export function scannedPdf(): Uint8Array {
  return writePdf({ pages: [[], []], imageOnly: [1, 2], info: { Title: 'Scanned letter' } });
}

/** A PDF no empty password opens. */
export function encryptedPdf(): Uint8Array {
  return writePdf({ pages: [paragraph(100, 'Confidential board minutes.')], encrypted: true });
}
