/**
 * Long work written as a generator that yields between steps, so that the
 * same code can run to the end at once (`finish`) or a slice at a time on a
 * thread that must stay responsive (`inSlices`).
 */
export type Steps<T> = Generator<void, T>;

/** Runs the steps to the end on the spot. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps in slices of about `sliceMs`, letting the event loop turn between them. */
export async function inSlices<T>(steps: Steps<T>, sliceMs = 10): Promise<T> {
  for (;;) {
    const started = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (Date.now() - started >= sliceMs) break;
    }
    await nextTurn();
  }
}

/** Lets the event loop turn once; resolves with the time it resumed (`Date.now()`). */
export async function nextTurn(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  return Date.now();
}
