import { activateArchive } from './archive/activateArchive';
import { activateCitedBy } from './citedBy/activateCitedBy';
import { activateEntities } from './entities/activateEntities';
import { activateHover } from './hover/activateHover';
import { activateIntegrity } from './integrity/activateIntegrity';
import { activateLibrary } from './library/activateLibrary';
import { activatePreview } from './preview/activatePreview';
import { activateQuotes } from './quotes/activateQuotes';
import type { Services } from './services';
import { activateStatus } from './status/activateStatus';
import { activateTopics } from './topics/activateTopics';

/**
 * Every feature of the extension, in the order they start. Each takes the
 * shared services and registers its own views, providers and commands; what
 * it returns is what the extension's API exposes of it.
 */
const FEATURES = {
  entities: activateEntities,
  topics: activateTopics,
  citedBy: activateCitedBy,
  integrity: activateIntegrity,
  quotes: activateQuotes,
  hover: activateHover,
  status: activateStatus,
  preview: activatePreview,
  library: activateLibrary,
  archive: activateArchive,
} satisfies Record<string, (services: Services) => unknown>;

export type Features = { readonly [K in keyof typeof FEATURES]: ReturnType<(typeof FEATURES)[K]> };

/** Starts every feature over the services. */
export function activateFeatures(services: Services): Features {
  const started: Record<string, unknown> = {};
  for (const [name, activate] of Object.entries(FEATURES)) started[name] = activate(services);
  return started as Features;
}
