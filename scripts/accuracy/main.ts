// One accuracy run: `node out/accuracy/main.js` prints the figures as JSON
// (built and rendered by scripts/accuracy/run.mjs).
import nlp from 'compromise';
import { scoreSentenceSplitters } from './sentenceScore';

const sentences = scoreSentenceSplitters({
  compromise: (text) => (nlp(text).json() as { text: string }[]).map((s) => s.text.trim()).filter((s) => s !== ''),
});
process.stdout.write(`${JSON.stringify({ sentences })}\n`);
