import type { BlockKind } from '../model';

/** A block of prose found by a parser: a heading or a quotable block, as offsets into the file. */
export type Block =
  | {
      readonly type: 'heading';
      readonly depth: number;
      readonly title: string;
      readonly start: number;
      readonly end: number;
    }
  | { readonly type: 'text'; readonly kind: BlockKind; readonly start: number; readonly end: number };
