import { parse as parseYaml } from 'yaml';
import type { Topic } from './model';

/**
 * Reads a topic list: a YAML sequence of `{ id, label, description }`.
 * Throws with a message naming the bad entry when the shape is wrong.
 */
export function parseTopicList(yamlText: string): Topic[] {
  const data: unknown = parseYaml(yamlText);
  if (!Array.isArray(data)) throw new Error('topic list must be a YAML sequence');
  return data.map((entry: unknown, i) => {
    const item = entry as Record<string, unknown> | null;
    if (!item || typeof item.id !== 'string') throw new Error(`topic #${i + 1} has no id`);
    return {
      id: item.id,
      label: typeof item.label === 'string' ? item.label : item.id,
      ...(typeof item.description === 'string' ? { description: item.description } : {}),
    };
  });
}
