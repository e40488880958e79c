/**
 * An article's sentences as one string, joined by NUL: how entity discovery
 * is handed a corpus in a worker (`discoveryInput`), since a few thousand
 * strings cost the sending thread far less than one per sentence.
 */
const SENTENCE_BREAK = '\u0000';

export function joinSentences(sentences: readonly string[]): string {
  return sentences.join(SENTENCE_BREAK);
}

/** The sentences `joinSentences` joined. */
export function joinedSentences(joined: string): string[] {
  return joined === '' ? [] : joined.split(SENTENCE_BREAK);
}
