import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args';
import { VERSION } from '../../src/cli/version';
import { version } from '../../package.json';

describe('parseCli', () => {
  it('reads --version and -v without a command', () => {
    expect(parseCli(['--version']).version).toBe(true);
    expect(parseCli(['-v']).version).toBe(true);
    expect(parseCli(['check', 'notes']).version).toBeUndefined();
  });

  it('knows the version of the package it is built from', () => {
    expect(VERSION).toBe(version);
  });
});
