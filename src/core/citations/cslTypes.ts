// The shapes of CSL-JSON this project writes and reads (its library items are CSL-JSON too).

/** A CSL-JSON item: what Pandoc bibliographies and CSL processors read. */
export interface CslItem {
  readonly id: string;
  readonly type: 'article-newspaper';
  readonly title: string;
  readonly 'container-title'?: string;
  readonly author?: readonly CslName[];
  readonly issued?: CslDate;
  readonly URL?: string;
  readonly DOI?: string;
}

export type CslName = { readonly family: string; readonly given?: string } | { readonly literal: string };
export type CslDate = { readonly 'date-parts': readonly (readonly number[])[] } | { readonly literal: string };
