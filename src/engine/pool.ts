/**
 * Spreads a batch of starts over a pool of WebAssembly workers (one per
 * hardware thread): the starts are independent, so chunks are handed out as
 * workers become free and the rows reassembled in order. The pool is kept
 * for later fits; in Node its idle workers do not hold the process open.
 */

import { startWorker, hardwareThreads, type FitWorker } from './worker-source.js';
import { FORM_IDS, LOSS_IDS, PARAM_COUNT, type BatchResult, type LogPoints, type ObjectiveSpec, type SolverSettings } from './types.js';
import type { KernelBatch } from './wasm-kernel.js';
import { newBatch, placeBatch } from './batch.js';

interface Slot {
  worker: FitWorker;
  points: LogPoints | null;
  module: WebAssembly.Module | null;
  pending: Map<number, { resolve(v: any): void; reject(e: Error): void }>;
}

let slots: Slot[] = [];
let nextId = 1;

function call(slot: Slot, message: Record<string, unknown>, transfer?: ArrayBuffer[]): Promise<any> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    slot.pending.set(id, { resolve, reject });
    slot.worker.post({ ...message, id }, transfer);
  });
}

function spawn(): Slot {
  const slot: Slot = { worker: startWorker(), points: null, module: null, pending: new Map() };
  slot.worker.onMessage((msg: { id: number; type: string; batch?: KernelBatch; message?: string }) => {
    const p = slot.pending.get(msg.id);
    if (!p) return;
    slot.pending.delete(msg.id);
    if (msg.type === 'ok') p.resolve(msg.batch);
    else p.reject(new Error(msg.message));
  });
  slot.worker.onError((error) => {
    // A crashed worker fails its requests and leaves the pool.
    for (const p of slot.pending.values()) p.reject(error);
    slot.pending.clear();
    slot.worker.terminate();
    slots = slots.filter((s) => s !== slot);
  });
  slot.worker.hold(false);
  return slot;
}

/** Stops every worker (they are started again on demand). */
export function terminateWorkers(): void {
  for (const s of slots) s.worker.terminate();
  slots = [];
}

export interface ParallelOptions {
  workers?: number;
  signal?: AbortSignal;
  /** Called with (starts done, starts total) after each chunk. */
  onProgress?: (done: number, total: number) => void;
}

/** L-BFGS from every start, in parallel; same rows as Engine.fitStarts. */
export async function fitStartsParallel(
  module: WebAssembly.Module, points: LogPoints, spec: ObjectiveSpec, starts: Float64Array,
  solver: SolverSettings, options: ParallelOptions = {},
): Promise<BatchResult> {
  const P = PARAM_COUNT[spec.form];
  const count = Math.floor(starts.length / P);
  const size = Math.max(1, Math.min(options.workers ?? hardwareThreads(), 16, count));
  while (slots.length < size) slots.push(spawn());
  const team = slots.slice(0, size);
  // Several chunks per worker balance uneven start costs; not so many that messages cost.
  const chunk = Math.max(1, Math.ceil(count / (size * 8)));
  const result = newBatch(count, P);
  let next = 0, done = 0;
  const base = {
    type: 'run', form: FORM_IDS[spec.form], loss: LOSS_IDS[spec.loss], delta: spec.delta, params: P,
    maxIter: solver.maxIter, maxEvals: solver.maxEvals, gtol: solver.gtol, ftol: solver.ftol,
    lower: solver.lower, upper: solver.upper,
  };
  const work = async (slot: Slot): Promise<void> => {
    slot.worker.hold(true);
    try {
      await workOn(slot);
    } finally {
      slot.worker.hold(false);
    }
  };
  const workOn = async (slot: Slot): Promise<void> => {
    if (slot.points !== points || slot.module !== module) {
      await call(slot, { type: 'points', module, lnN: points.lnN, lnD: points.lnD, lnL: points.lnL });
      slot.points = points;
      slot.module = module;
    }
    while (next < count) {
      options.signal?.throwIfAborted();
      const from = next, to = Math.min(count, next + chunk);
      next = to;
      const b: KernelBatch = await call(slot, { ...base, starts: starts.slice(from * P, to * P) });
      placeBatch(result, b, from);
      done += to - from;
      options.onProgress?.(done, count);
    }
  };
  await Promise.all(team.map(work));
  options.signal?.throwIfAborted();
  return result;
}
