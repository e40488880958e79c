// The "Package sizes" section of docs/benchmarks.md is written by
// scripts/package/sizes.mjs; the bench, which rewrites the rest of the file,
// carries it over with keepSizesSection.
export const BEGIN = '<!-- package sizes: written by scripts/package/sizes.mjs -->';
export const END = '<!-- /package sizes -->';

/** `doc` with its sizes section replaced by `section` (appended when it has none). */
export function withSizesSection(doc, section) {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start >= 0 && end > start) return `${doc.slice(0, start)}${section}${doc.slice(end + END.length)}`;
  return `${doc.trimEnd()}\n\n${section}\n`;
}

/** `report` followed by the sizes section of `previous`, if it had one. */
export function keepSizesSection(previous, report) {
  const start = previous.indexOf(BEGIN);
  const end = previous.indexOf(END);
  return start >= 0 && end > start ? withSizesSection(report, previous.slice(start, end + END.length)) : report;
}
