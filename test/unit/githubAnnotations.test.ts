import { describe, expect, it } from 'vitest';
import { githubAnnotation } from '../../src/cli/githubAnnotations';

const misquote = {
  file: 'notes/port.md',
  line: 5,
  column: 3,
  severity: 'warning' as const,
  message: 'Quote does not match the source.',
  code: 'misquote',
  closest: 'Three electric cranes now unload container ships.',
};

describe('githubAnnotation', () => {
  it('writes a workflow command with the file, line and column', () => {
    expect(githubAnnotation(misquote)).toBe(
      '::warning file=notes/port.md,line=5,col=3,title=Sourcebook misquote::Quote does not match the source.%0ASource: Three electric cranes now unload container ships.',
    );
  });

  it('uses ::error for an error and leaves out an absent source passage', () => {
    const line = githubAnnotation({ ...misquote, severity: 'error', code: 'unknown-article', closest: null });
    expect(line).toBe(
      '::error file=notes/port.md,line=5,col=3,title=Sourcebook unknown-article::Quote does not match the source.',
    );
  });

  it('escapes what would end the command or split its properties', () => {
    const line = githubAnnotation({
      ...misquote,
      file: 'notes\\a,b:c.md',
      message: '100% wrong\r\nnext :: line',
      closest: null,
    });
    expect(line).toBe(
      '::warning file=notes/a%2Cb%3Ac.md,line=5,col=3,title=Sourcebook misquote::100%25 wrong%0D%0Anext :: line',
    );
    expect(line.split('\n')).toHaveLength(1);
  });
});
