export declare const QUERIES: readonly string[];
export declare function typedPrefixes(queries: readonly string[]): string[];
