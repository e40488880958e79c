/**
 * The entity index: catalog and discovered entities of a corpus, a matcher
 * that finds their names in any text, and what the corpus says of each.
 * Features use `entityIndexFor(corpus)`; it is memoized per corpus version.
 */
export {
  corpusFingerprint,
  EntityIndex,
  entityIndexFor,
  type EntitySnapshot,
  existingEntityIndex,
  provideEntitySnapshot,
} from './entityIndex';
export type { Discovery } from './discovery';
export { excerpt } from './evidence';
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
