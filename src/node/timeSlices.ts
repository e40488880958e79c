/**
 * Long work on the extension host's thread, run in slices: after each slice
 * of `sliceMs` it yields to the event loop so the host stays responsive, and
 * a cancelled signal stops it between slices.
 */
export class TimeSlices {
  private stamp = performance.now();

  constructor(
    private readonly sliceMs: number,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** Whether this slice has run its time. */
  due(): boolean {
    return performance.now() - this.stamp > this.sliceMs;
  }

  /** Yields to the event loop; says whether the work was cancelled meanwhile. */
  async pause(): Promise<boolean> {
    await new Promise((resolve) => setImmediate(resolve));
    this.stamp = performance.now();
    return this.signal?.aborted ?? false;
  }
}
