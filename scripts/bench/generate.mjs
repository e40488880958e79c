// Makes the large benchmark corpus from the BBC articles: N articles, half
// Markdown with front matter and `##` section headings, half plain text in
// the BBC's own layout, in topic folders of at most 1,000 files. Each is a
// BBC article with its paragraphs in a different order (seeded), so no two
// files are the same text.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import path from 'node:path';

function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readBbc(root) {
  const articles = [];
  for (const topic of readdirSync(root).sort()) {
    const dir = path.join(root, topic);
    let names;
    try {
      names = readdirSync(dir)
        .filter((name) => name.endsWith('.txt'))
        .sort();
    } catch {
      continue; // README.TXT
    }
    for (const name of names) {
      const [title, ...paragraphs] = readFileSync(path.join(dir, name), 'utf8')
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean);
      articles.push({ topic, title, paragraphs });
    }
  }
  return articles;
}

/** Writes `count` articles under `dest`; returns what was written. */
export function generateCorpus(bbcRoot, dest, count) {
  const source = readBbc(bbcRoot);
  const next = random(2005);
  let bytes = 0;
  let markdown = 0;
  for (let i = 0; i < count; i++) {
    const base = source[i % source.length];
    const paragraphs = [...base.paragraphs];
    for (let j = paragraphs.length - 1; j > 0; j--) {
      const k = Math.floor(next() * (j + 1));
      [paragraphs[j], paragraphs[k]] = [paragraphs[k], paragraphs[j]];
    }
    const dir = path.join(dest, base.topic, `part-${String(Math.floor(i / 1000)).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    let file;
    let text;
    if (i % 2 === 0) {
      const month = String(1 + (i % 12)).padStart(2, '0');
      const body = paragraphs.map((p, j) =>
        j > 0 && j % 3 === 0
          ? `## ${p
              .split(/\s+/)
              .slice(0, 5)
              .join(' ')
              .replace(/[^\w\s'-]/g, '')}\n\n${p}`
          : p,
      );
      text = `---\nid: gen-${i}\ntitle: "${base.title.replace(/"/g, "'")} (${i})"\npublisher: BBC News\ndate: 2005-${month}\ntopics: [${base.topic}]\n---\n\n# ${base.title}\n\n${body.join('\n\n')}\n`;
      file = path.join(dir, `article-${i}.md`);
      markdown++;
    } else {
      text = `${base.title}\n\n${paragraphs.join('\n\n')}\n`;
      file = path.join(dir, `article-${i}.txt`);
    }
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: count, markdown, text: count - markdown, bytes };
}
