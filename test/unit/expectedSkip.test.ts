import { describe, expect, it } from 'vitest';
import { isExpectedSkip, NOT_AN_ARTICLE, prepareFile } from '../../src/core/preparedFile';

const decoded = (text: string) => ({ ok: true as const, text });

describe('a README beside the articles', () => {
  it('is left out as not an article, which is expected rather than wrong', () => {
    const prepared = prepareFile({ path: '/c/README.TXT', relativePath: 'README.TXT' }, decoded('About this folder.'));
    expect(prepared).toEqual({ ok: false, reason: NOT_AN_ARTICLE });
    expect(isExpectedSkip({ path: '/c/README.TXT', outcome: 'skipped', reason: NOT_AN_ARTICLE })).toBe(true);
  });

  it('other skipped files are not expected', () => {
    expect(isExpectedSkip({ path: '/c/a.md', outcome: 'skipped', reason: 'binary (contains NUL bytes)' })).toBe(false);
    expect(isExpectedSkip({ path: '/c/a.md', outcome: 'recovered', reason: NOT_AN_ARTICLE })).toBe(false);
  });
});
