import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Debouncer, KeyedDebouncer } from '../../src/vscode/debouncer';

describe('Debouncer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once after a burst, the last scheduled run', () => {
    const runs: string[] = [];
    const debouncer = new Debouncer();
    debouncer.schedule(100, () => runs.push('first'));
    vi.advanceTimersByTime(50);
    debouncer.schedule(100, () => runs.push('second'));
    expect(debouncer.pending).toBe(true);
    vi.advanceTimersByTime(99);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual(['second']);
    expect(debouncer.pending).toBe(false);
  });

  it('runs nothing once cancelled or disposed', () => {
    const run = vi.fn();
    const debouncer = new Debouncer();
    debouncer.schedule(10, run);
    debouncer.cancel();
    debouncer.schedule(10, run);
    debouncer.dispose();
    vi.advanceTimersByTime(100);
    expect(run).not.toHaveBeenCalled();
  });

  it('keeps one pending run per key', () => {
    const runs: string[] = [];
    const debouncer = new KeyedDebouncer<string>();
    debouncer.schedule('a', 10, () => runs.push('a1'));
    debouncer.schedule('b', 10, () => runs.push('b'));
    debouncer.schedule('a', 10, () => runs.push('a2'));
    debouncer.schedule('c', 10, () => runs.push('c'));
    debouncer.cancel('c');
    vi.advanceTimersByTime(10);
    expect(runs.sort()).toEqual(['a2', 'b']);
    debouncer.schedule('a', 10, () => runs.push('late'));
    debouncer.dispose();
    vi.advanceTimersByTime(10);
    expect(runs).not.toContain('late');
  });
});
