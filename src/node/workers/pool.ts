import { type ResourceLimits, Worker } from 'node:worker_threads';

/** How a task ended when it gave no result: over its time or memory, the worker died, or it was cancelled. */
export type TaskFailure = 'timeout' | 'memory' | 'crashed' | 'cancelled';

export type TaskResult<Out> =
  | { readonly ok: true; readonly value: Out }
  | { readonly ok: false; readonly failure: TaskFailure; readonly message: string };

export interface WorkerPoolOptions {
  /**
   * The worker's script: a bundled `.js` file that posts `{ ready: true }`
   * once loaded and answers each `{ id, input }` message with `{ id, output }`.
   */
  readonly script: string;
  /** Most workers at once. */
  readonly size: number;
  /** Memory limits of each worker; a task that goes over them kills its worker and fails with `memory`. */
  readonly resourceLimits?: ResourceLimits;
}

export interface RunOptions {
  /** Longest a task may run; past it its worker is terminated and the task fails with `timeout`. */
  readonly timeoutMs: number;
  /** Cancels the task, queued or running (a running one's worker is terminated at once). */
  readonly signal?: AbortSignal;
}

interface Task<In, Out> {
  readonly id: number;
  readonly input: In;
  readonly options: RunOptions;
  readonly resolve: (result: TaskResult<Out>) => void;
}

interface Slot {
  readonly worker: Worker;
  busy: Task<unknown, unknown> | undefined;
  /** Whether the worker has said it is ready (its script loaded): a task's time counts from then. */
  ready: boolean;
  /** Starts the running task's clock once the worker is ready. */
  onReady: (() => void) | undefined;
}

/**
 * A small pool of worker threads that runs one task per worker at a time,
 * each with a time limit, a memory limit and a cancel signal. A worker over
 * its limits is terminated and replaced, so one pathological input costs
 * its own task only. Tasks never reject: they resolve with the output or
 * with why there is none. Idle workers do not keep the process alive.
 */
export class WorkerPool<In, Out> {
  private readonly slots: Slot[] = [];
  private readonly queue: Task<In, Out>[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  /** Runs one task on the first free worker. */
  run(input: In, options: RunOptions): Promise<TaskResult<Out>> {
    return new Promise((resolve) => {
      if (this.closed) return resolve({ ok: false, failure: 'cancelled', message: 'the worker pool is closed' });
      if (options.signal?.aborted) return resolve({ ok: false, failure: 'cancelled', message: 'cancelled' });
      this.queue.push({ id: this.nextId++, input, options, resolve });
      this.dispatch();
    });
  }

  /** Terminates every worker; queued and running tasks resolve as cancelled. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.resolve({ ok: false, failure: 'cancelled', message: 'closed' });
    await Promise.all(this.slots.splice(0).map((slot) => this.stop(slot, 'cancelled', 'closed')));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((candidate) => !candidate.busy);
      if (!slot && this.slots.length < this.options.size) slot = this.spawn();
      const next = slot && this.queue.shift();
      if (!slot || !next) return;
      this.start(slot, next);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.script, {
      ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}),
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, busy: undefined, ready: false, onReady: undefined };
    worker.on('message', (message: { id: number; output: unknown } | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        slot.onReady?.();
        return;
      }
      const task = slot.busy;
      if (!task || task.id !== message.id) return;
      this.finish(slot, { ok: true, value: message.output });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      void this.stop(slot, memory ? 'memory' : 'crashed', error.message);
    });
    worker.on('exit', () => void this.stop(slot, 'crashed', 'the worker stopped'));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, task: Task<In, Out>): void {
    slot.busy = task as Task<unknown, unknown>;
    slot.worker.ref();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const startClock = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => void this.stop(slot, 'timeout', `took over ${task.options.timeoutMs} ms`),
        task.options.timeoutMs,
      );
    };
    // Loading the worker's script is not the task's time; a worker that never gets ready is still bounded.
    if (slot.ready) startClock();
    else {
      slot.onReady = startClock;
      timer = setTimeout(() => void this.stop(slot, 'timeout', 'the worker did not start'), 30_000);
    }
    const abort = () => void this.stop(slot, 'cancelled', 'cancelled');
    task.options.signal?.addEventListener('abort', abort, { once: true });
    const resolve = task.resolve;
    (task as { resolve: (result: TaskResult<Out>) => void }).resolve = (result) => {
      clearTimeout(timer);
      slot.onReady = undefined;
      task.options.signal?.removeEventListener('abort', abort);
      resolve(result);
    };
    slot.worker.postMessage({ id: task.id, input: task.input });
  }

  private finish(slot: Slot, result: TaskResult<unknown>): void {
    const task = slot.busy;
    slot.busy = undefined;
    slot.worker.unref();
    task?.resolve(result);
    this.dispatch();
  }

  /** Ends a worker (its task, if any, resolves with `failure`) and lets a fresh one take the queue. */
  private async stop(slot: Slot, failure: TaskFailure, message: string): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    const task = slot.busy;
    slot.busy = undefined;
    task?.resolve({ ok: false, failure, message });
    await slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }
}
