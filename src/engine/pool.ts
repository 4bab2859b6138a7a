/**
 * Spreads a batch of starts over a pool of WebAssembly workers (one per
 * hardware thread): the starts are independent, so chunks are handed out as
 * workers become free and the rows reassembled in order. The pool is kept
 * for later fits; in Node its idle workers do not hold the process open.
 */

import { startWorker, hardwareThreads, markWorkersRefused, type FitWorker } from './worker-source.js';
import { paramCount, type BatchResult, type FitData, type ObjectiveSpec, type SolverSettings } from './types.js';
import { kernelColumns, kernelSpec } from './wasm.js';
import { newBatch, placeBatch } from './batch.js';
import type { WorkerErrorKey } from './worker-main.js';
import { kitError } from '../i18n/error-words/engine.js';
import { wasmScalar } from './generated/wasm-bytes.js';
import { VERSION } from '../version.js';

interface Slot {
  worker: FitWorker;
  data: FitData | null;
  module: WebAssembly.Module | null;
  pending: Map<number, { resolve(v: any): void; reject(e: Error): void }>;
  /** Settles when the last job that asked for this worker is done with it: jobs take turns. */
  queue: Promise<void>;
  /** Jobs using or waiting for this worker; Node may exit only when none are. */
  holders: number;
}

interface Workers { slots: Slot[]; nextId: number }

/**
 * The page's workers, shared by every file of this build on it: the single
 * file and the element files (dist/elements/) each carry this module, and two
 * fitting elements loaded from two files use one pool, not one each. Keyed by
 * the version and the WebAssembly's size, so files of other builds keep their
 * own (their workers may speak another protocol). Request ids are shared too:
 * replies are matched by id in a slot's `pending`, whoever sent them.
 */
const shared: Workers = (() => {
  const key = Symbol.for(`scaling-kit.workers.${VERSION}.${wasmScalar.length}`);
  const page = globalThis as unknown as Record<symbol, Workers | undefined>;
  return (page[key] ??= { slots: [], nextId: 1 });
})();

function call(slot: Slot, message: Record<string, unknown>, transfer?: ArrayBuffer[]): Promise<any> {
  const id = shared.nextId++;
  return new Promise((resolve, reject) => {
    slot.pending.set(id, { resolve, reject });
    slot.worker.post({ ...message, id }, transfer);
  });
}

/** A worker's error reply as an Error: its own, by key (src/engine/worker-main.ts), or the engine's message as is. */
export function replyError(msg: { key?: WorkerErrorKey; message?: string }): Error {
  return msg.key ? kitError('engine', msg.key, {}) : new Error(msg.message);
}

function spawn(): Slot {
  let worker: FitWorker;
  try {
    worker = startWorker();
  } catch (error) {
    markWorkersRefused();
    throw error;
  }
  const slot: Slot = { worker, data: null, module: null, pending: new Map(), queue: Promise.resolve(), holders: 0 };
  let answered = false;
  slot.worker.onMessage((msg: { id: number; type: string; batch?: BatchResult; key?: WorkerErrorKey; message?: string }) => {
    answered = true;
    const p = slot.pending.get(msg.id);
    if (!p) return;
    slot.pending.delete(msg.id);
    if (msg.type === 'ok') p.resolve(msg.batch);
    else p.reject(replyError(msg));
  });
  slot.worker.onError((error) => {
    // One that fails before it ever answered could not start (a policy refused it): do not try again.
    if (!answered) markWorkersRefused();
    // A crashed worker fails its requests and leaves the pool.
    for (const p of slot.pending.values()) p.reject(error);
    slot.pending.clear();
    slot.worker.terminate();
    shared.slots = shared.slots.filter((s) => s !== slot);
  });
  slot.worker.hold(false);
  return slot;
}

const aborted = (signal: AbortSignal): Promise<never> =>
  new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/**
 * Runs `work` with the worker to itself. A worker holds one job's data at a
 * time, so jobs that overlap (two fits, a fit after an aborted bootstrap) queue
 * for it instead of sending it each other's data; and it is held (Node stays
 * alive) while any job uses or waits for it, not just until the first finishes.
 */
async function leased<T>(slot: Slot, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  const before = slot.queue;
  let release!: () => void;
  slot.queue = new Promise((resolve) => (release = resolve));
  if (slot.holders++ === 0) slot.worker.hold(true);
  try {
    // An abort while waiting ends this job at once; its turn still passes on in order.
    await (signal ? Promise.race([before, aborted(signal)]) : before);
    return await work();
  } finally {
    void before.then(() => {
      release();
      if (--slot.holders === 0) slot.worker.hold(false);
    });
  }
}

/** Diagnostics: workers alive in the pool (idle ones included). */
export function workerCount(): number {
  return shared.slots.length;
}

/** Diagnostics: workers with a request in flight (0 once every fit, bootstrap or cancellation has settled). */
export function busyWorkerCount(): number {
  return shared.slots.filter((s) => s.pending.size > 0).length;
}

/** Stops every worker (they are started again on demand). */
export function terminateWorkers(): void {
  for (const s of shared.slots) s.worker.terminate();
  shared.slots = [];
}

export interface ParallelOptions {
  workers?: number;
  signal?: AbortSignal;
  /** Called with (items done, items total) after each chunk. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs `count` independent items (starts or resamples) in chunks over the
 * pool; `message(from, to)` builds a chunk's request. Rows come back in order.
 */
async function runChunks(
  module: WebAssembly.Module, data: FitData, params: number, count: number,
  message: (from: number, to: number) => Record<string, unknown>, options: ParallelOptions,
): Promise<BatchResult> {
  const size = Math.max(1, Math.min(options.workers ?? hardwareThreads(), 16, count));
  while (shared.slots.length < size) shared.slots.push(spawn());
  const team = shared.slots.slice(0, size);
  // Several chunks per worker balance uneven costs; not so many that messages cost.
  const chunk = Math.max(1, Math.ceil(count / (size * 8)));
  const result = newBatch(count, params);
  let next = 0, done = 0;
  const workOn = async (slot: Slot): Promise<void> => {
    if (slot.data !== data || slot.module !== module) {
      await call(slot, { type: 'data', module, columns: kernelColumns(data) });
      slot.data = data;
      slot.module = module;
    }
    while (next < count) {
      options.signal?.throwIfAborted();
      const from = next, to = Math.min(count, next + chunk);
      next = to;
      placeBatch(result, await call(slot, message(from, to)), from);
      done += to - from;
      options.onProgress?.(done, count);
    }
  };
  await Promise.all(team.map((slot) => leased(slot, options.signal, () => workOn(slot))));
  options.signal?.throwIfAborted();
  return result;
}

/** L-BFGS from every start, in parallel; same rows as Engine.fitStarts. */
export function fitStartsParallel(
  module: WebAssembly.Module, data: FitData, spec: ObjectiveSpec, starts: Float64Array,
  solver: SolverSettings, options: ParallelOptions = {}, affine?: Float64Array,
): Promise<BatchResult> {
  const P = paramCount(spec), ks = kernelSpec(spec, solver);
  return runChunks(module, data, P, Math.floor(starts.length / P),
    (from, to) => ({ type: 'starts', spec: ks, starts: starts.slice(from * P, to * P), affine }), options);
}

/** One refit from `start` per row of per-run weights, in parallel; same rows as Engine.fitWeighted. */
export function fitWeightedParallel(
  module: WebAssembly.Module, data: FitData, spec: ObjectiveSpec, weights: Float64Array, start: Float64Array,
  solver: SolverSettings, options: ParallelOptions = {}, affine?: Float64Array,
): Promise<BatchResult> {
  const n = data.count, ks = kernelSpec(spec, solver);
  return runChunks(module, data, paramCount(spec), Math.floor(weights.length / n),
    (from, to) => ({ type: 'weighted', spec: ks, weights: weights.slice(from * n, to * n), start, affine }), options);
}
