/**
 * The entity index: catalog and discovered entities of a corpus, a matcher
 * that finds their names in any text, and what the corpus says of each.
 * Features use `entityIndexFor(corpus)`; it is memoized per corpus version.
 */
export { EntityIndex } from './entityIndex';
export {
  discoveryInput,
  entityIndexFor,
  existingEntityIndex,
  provideDiscovery,
  provideEntitySnapshot,
  wholeEntityIndex,
} from './entityIndexes';
export { corpusFingerprint, type EntitySnapshot } from './entitySnapshot';
export type { ArticleScan } from './corpusMentions';
export type { Discovery } from './discovery';
export { excerpt } from './evidence';
export { kindGroupTitle, kindInWords } from './kindWords';
export type {
  ArticleMentions,
  Entity,
  EntityEvidence,
  EntityKind,
  EntitySource,
  EvidenceSentence,
  Mention,
} from './types';
export { entitiesByMentions, type LineMention, noteMentions } from './noteMentions';
export { joinedSentences } from './joinedSentences';
