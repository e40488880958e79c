// The section of docs/benchmarks.md on how long the extension host's thread is blocked during a load
// (scripts/bench/host/loadBlocks.ts, run in a real VS Code).

const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`);

export const HOST_BLOCK_LIMIT_MS = 50;

export function renderHostBlocks(blocks) {
  const rows = Object.entries(blocks).map(([name, b]) => {
    const worst = Math.max(b.load.longestGapMs, b.load.maxDelayMs, b.after.longestGapMs, b.after.maxDelayMs);
    return `| ${name === 'bbc' ? 'BBC' : 'generated'} (${b.articles.toLocaleString('en')} articles, ${b.parsed.toLocaleString('en')} parsed) | ${ms(b.loadMs)} | ${ms(Math.max(b.load.longestGapMs, b.load.maxDelayMs))} | ${ms(Math.max(b.after.longestGapMs, b.after.maxDelayMs))} | ${worst <= HOST_BLOCK_LIMIT_MS ? 'met' : '**missed**'} |`;
  });
  return [
    '## The extension host during a load',
    '',
    `In a real VS Code (code-server), a note open, the corpus folder set as a user setting: the longest stretch the extension host's thread did not turn (the larger of a 10 ms timer's longest gap and \`monitorEventLoopDelay\`'s maximum), during the load and for ${Math.round(Object.values(blocks)[0].settleMs / 1000)} s after it (the search index warming, the note's entity underlines). Target: ≤ ${HOST_BLOCK_LIMIT_MS} ms.`,
    '',
    '| Corpus | Load | Longest block, load | Longest block, after | Result |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The "Targets missed" line for the host's longest block, when it missed; undefined when it was met. */
export function hostBlocksNote(blocks) {
  const entries = Object.entries(blocks);
  const longest = (b) => ({
    load: Math.max(b.load.longestGapMs, b.load.maxDelayMs),
    after: Math.max(b.after.longestGapMs, b.after.maxDelayMs),
  });
  if (entries.every(([, b]) => Math.max(...Object.values(longest(b))) <= HOST_BLOCK_LIMIT_MS)) return undefined;
  const name = (key, b) => (key === 'bbc' ? 'BBC' : `${b.articles.toLocaleString('en')} articles`);
  const during = entries.map(([key, b]) => `${ms(longest(b).load)} (${name(key, b)})`).join(' and ');
  const after = Math.max(...entries.map(([, b]) => longest(b).after));
  return (
    `- The extension host's longest block during a load, measured in a real VS Code ([below](#the-extension-host-during-a-load)): ` +
    `${during} during the load, up to ${ms(after)} after it, against ${HOST_BLOCK_LIMIT_MS} ms. The loading and entity discovery run in worker ` +
    `threads; mentions are scanned, the search index compacted and the indexes encoded in slices, and written asynchronously. What ` +
    `still runs on the host's thread in one go, and so can block it: making the entity index from what discovery found (its names, ` +
    `aliases and their ids), listing and looking at every file when the folders are compared after a load, and one segment of the ` +
    `warming search index (up to 4,096 paragraphs merged).`
  );
}
