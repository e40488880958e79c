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

/** Lines of a column from `top`, 13 points apart, at `x`. */
function column(x: number, top: number, ...lines: string[]): PdfLine[] {
  return lines.map((text, i) => ({ text, x, top: top + i * 13, size: 10 }));
}

/**
 * A two-page article set in two columns, as journals and reports are: a title
 * across both columns, a running header and footer, a paragraph that runs
 * from the foot of the left column to the top of the right one with a word
 * hyphenated at the column break, and on page 2 a caption across the page
 * between two pairs of columns. Lines of the two columns share baselines,
 * so a reader that goes by rows alone interleaves them.
 */
export function twoColumnPdf(): Uint8Array {
  const header = (n: number): PdfLine[] => [
    { text: 'Harbour Economics Quarterly · Spring 2026', top: 40, size: 9 },
    { text: `Page ${n} of 2`, top: 760, size: 9, x: 72 },
  ];
  return writePdf({
    info: { Title: 'Container ports learn to live with longer queues', Author: 'Ines Okafor' },
    pages: [
      [
        ...header(1),
        { text: 'Container ports learn to live with longer queues', top: 90, size: 20, bold: true },
        ...column(
          72,
          140,
          'Ships waited an average of three days to',
          'berth at the largest European ports in',
          'February, twice as long as a year before.',
          'Terminal operators blamed the weather and',
          'a shortage of crane drivers for the delays',
          'that rippled through the inland rail net-',
        ),
        ...column(
          326,
          140,
          'work and left empty boxes stranded far',
          'from the exporters who needed them.',
          '',
          'Freight forwarders now book slots on feeder',
          'vessels weeks in advance, and some shippers',
          'have moved cargo to smaller regional ports.',
        ),
      ],
      [
        ...header(2),
        ...column(
          72,
          90,
          'Port authorities in the north have begun',
          'publishing daily queue figures so that',
          'hauliers can plan their arrivals better.',
        ),
        ...column(
          326,
          90,
          'Insurers are reviewing premiums for cargo',
          'that waits at anchor for more than a week',
          'because of the rising risk of spoilage.',
        ),
        { text: 'Figure 1: average waiting time at anchor in days, January 2025 to February 2026', top: 150, size: 10 },
        ...column(72, 180, 'Rail operators expect the backlog of', 'containers to clear by the end of June.'),
        ...column(326, 180, 'Shipping lines say that freight rates will', 'fall once the queues have gone away.'),
      ],
    ],
  });
}
