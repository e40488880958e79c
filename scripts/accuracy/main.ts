// One accuracy run: `node out/accuracy/main.js <bbc folder>` prints the
// figures as JSON (built and rendered by scripts/accuracy/run.mjs).
import nlp from 'compromise';
import {
  bbcCorpus,
  capitalRuns,
  readAnnotations,
  type Recognizer,
  scoreRecognizer,
  sourcebookRecognizer,
  type Span,
} from './nerScore';
import { scoreSentenceSplitters } from './sentenceScore';

const sentences = scoreSentenceSplitters({
  compromise: (text) => (nlp(text).json() as { text: string }[]).map((s) => s.text.trim()).filter((s) => s !== ''),
});

interface Match {
  readonly offset: { readonly start: number; readonly length: number };
}

/** compromise's people, places and organizations, with its kind for each. */
const compromise: Recognizer = (sentence) => {
  const doc = nlp(sentence);
  const spans: Span[] = [];
  const add = (matches: Match[], kind: string) => {
    for (const { offset } of matches) spans.push({ start: offset.start, end: offset.start + offset.length, kind });
  };
  add(doc.people().json({ offset: true }) as Match[], 'person');
  add(doc.places().json({ offset: true }) as Match[], 'place');
  add(doc.organizations().json({ offset: true }) as Match[], 'organization');
  return spans;
};

const root = process.argv[2];
const entities = [];
if (root) {
  const annotated = new Set(readAnnotations().map((a) => a.file));
  const whole = bbcCorpus(root);
  const sample = bbcCorpus(root, annotated);
  const started = performance.now();
  const ours = sourcebookRecognizer(whole);
  const discoveryMs = performance.now() - started;
  entities.push({ ...scoreRecognizer('sourcebook', 'all 2,225 BBC articles', whole, ours), discoveryMs });
  entities.push(
    scoreRecognizer(
      'sourcebook',
      `the ${annotated.size} annotated articles only`,
      sample,
      sourcebookRecognizer(sample),
    ),
  );
  entities.push(scoreRecognizer('compromise', 'each sentence alone', sample, compromise));
  entities.push(scoreRecognizer('capitalized runs', 'each sentence alone', sample, capitalRuns));
}
process.stdout.write(`${JSON.stringify({ sentences, entities })}\n`);
