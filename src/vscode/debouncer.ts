/**
 * One pending run at a time: scheduling again replaces the run waiting, so a
 * burst of events (keystrokes, file changes, picker moves) runs once after it.
 */
export class Debouncer {
  private handle: ReturnType<typeof setTimeout> | undefined;

  /** Whether a run is waiting. */
  get pending(): boolean {
    return this.handle !== undefined;
  }

  /** Runs `run` after `ms`, replacing the run waiting, if any. */
  schedule(ms: number, run: () => void): void {
    this.cancel();
    this.handle = setTimeout(() => {
      this.handle = undefined;
      run();
    }, ms);
  }

  /** Drops the run waiting, if any. */
  cancel(): void {
    if (this.handle !== undefined) clearTimeout(this.handle);
    this.handle = undefined;
  }

  dispose(): void {
    this.cancel();
  }
}

/** A debouncer per key (a document, an editor): each key has one pending run of its own. */
export class KeyedDebouncer<K> {
  private readonly debouncers = new Map<K, Debouncer>();

  schedule(key: K, ms: number, run: () => void): void {
    this.cancel(key);
    const debouncer = new Debouncer();
    this.debouncers.set(key, debouncer);
    debouncer.schedule(ms, () => {
      this.debouncers.delete(key);
      run();
    });
  }

  cancel(key: K): void {
    this.debouncers.get(key)?.cancel();
    this.debouncers.delete(key);
  }

  dispose(): void {
    for (const debouncer of this.debouncers.values()) debouncer.cancel();
    this.debouncers.clear();
  }
}
