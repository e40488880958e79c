import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Where the CLI keeps its persisted indexes by default: `$XDG_CACHE_HOME/sourcebook`,
 * else `~/.cache/sourcebook` (the XDG base directory rule: a relative
 * `XDG_CACHE_HOME` is ignored).
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'sourcebook');
}
