// citation-js 0.7 ships no type declarations; these cover the part Sourcebook
// uses (the CSL plugin's template register and the bibliography formatter).
declare module '@citation-js/core' {
  /** A CSL-JSON item as citation-js takes it. */
  export type CSL = Record<string, unknown>;

  interface Register<T> {
    has(name: string): boolean;
    add(name: string, value: T): void;
  }

  export const plugins: {
    config: { get(plugin: '@csl'): { templates: Register<string> } };
    output: { format(name: string, data: CSL[], options?: Record<string, unknown>): unknown };
  };
}

declare module '@citation-js/plugin-csl';
