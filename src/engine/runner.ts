/**
 * How fitting work runs, so that core only says what to run: the engines kept
 * for reuse (one per name, their runs reloaded before each use so that fits
 * which interleave never see each other's), many starts or refits spread over
 * worker threads where the page allows, else in this thread a chunk at a time
 * with a task boundary between chunks (a page stays responsive and can cancel),
 * and what fell back along the way, as facts for core to report.
 */

import { nextTask } from '../next-task.js';
import { concatBatches } from './batch.js';
import { fitStartsParallel, fitWeightedParallel } from './pool.js';
import { createEngine } from './select.js';
import { wasmModule, type WasmBuild } from './wasm.js';
import { hardwareThreads, workersAvailable } from './worker-source.js';
import { paramCount, type BatchResult, type Engine, type EngineName, type FitData, type ObjectiveSpec, type SolverSettings } from './types.js';

const engines = new Map<EngineName | 'auto', Engine>();
const loaded = new WeakMap<Engine, FitData>();

/** The engine kept for `name` ('auto': the best this environment runs). */
export function sharedEngine(name: EngineName | 'auto'): Engine {
  let engine = engines.get(name);
  if (!engine) engines.set(name, (engine = createEngine(name)));
  return engine;
}

/**
 * Diagnostics (read-only): the engines kept for reuse and the bytes of
 * WebAssembly linear memory each holds (0 for the TypeScript engine). A long
 * session should see these stay flat (test/browser/long-session.test.ts).
 */
export function engineMemory(): { engine: EngineName | 'auto'; build: EngineName; bytes: number }[] {
  return [...engines].map(([key, engine]) => ({ engine: key, build: engine.name, bytes: engine.memoryBytes() }));
}

/** Starts in one batch above which workers are worth starting. */
const PARALLEL_FROM = 64;

export interface RunnerOptions {
  /** Worker threads to use at most (default: the hardware's; 0: this thread only). */
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** A new engine of its own rather than the shared one (bootstrap refits). */
  ownEngine?: boolean;
}

/** Runs batches of starts or refits for one set of runs; records how they ran. */
export class Runner {
  /** Worker threads the work ended on (0: this thread). */
  workers = 0;
  /** Workers were wanted but could not be started (a page's policy, or a crash): said once, then not tried again. */
  workersRefused = false;
  private readonly engine: Engine;
  private readonly module: WebAssembly.Module | null;
  /** Starts per chunk in this thread: fewer when there are many runs, so that no chunk is a long task. */
  private readonly chunk: number;

  constructor(engine: EngineName | 'auto', private readonly data: FitData, private readonly o: RunnerOptions = {}) {
    this.engine = o.ownEngine ? createEngine(engine) : sharedEngine(engine);
    this.module = this.engine.name === 'js' ? null : wasmModule(this.engine.name as WasmBuild);
    this.chunk = Math.max(1, Math.min(PARALLEL_FROM, Math.floor((PARALLEL_FROM * 256) / data.count)));
  }

  /** The engine's name: 'js' where WebAssembly could not run. */
  get name(): EngineName {
    return this.engine.name;
  }

  /** The engine with this runner's runs loaded, for work in this thread. */
  get here(): Engine {
    if (loaded.get(this.engine) !== this.data) {
      this.engine.setData(this.data);
      loaded.set(this.engine, this.data);
    }
    return this.engine;
  }

  private threads(count: number): number {
    if (!this.module || this.workersRefused) return 0;
    const wanted = Math.min(this.o.workers ?? hardwareThreads(), count);
    if (wanted > 0 && !workersAvailable()) this.workersRefused = true;
    return this.workersRefused ? 0 : wanted;
  }

  /** Workers failed to start or crashed: this thread from now on (an abort is passed on, not a fallback). */
  private refused(error: unknown): void {
    if ((error as Error)?.name === 'AbortError') throw error;
    this.workersRefused = true;
  }

  /** L-BFGS from every start, each batch in a task of its own. */
  async starts(spec: ObjectiveSpec, starts: Float64Array, solver: SolverSettings, affine?: Float64Array): Promise<BatchResult> {
    await nextTask();
    const P = paramCount(spec), count = starts.length / P;
    const threads = count > PARALLEL_FROM ? this.threads(count) : 0;
    if (threads > 0) {
      try {
        const batch = await fitStartsParallel(this.module!, this.data, spec, starts, solver, { workers: threads, signal: this.o.signal, onProgress: this.o.onProgress }, affine);
        this.workers = Math.max(this.workers, threads);
        return batch;
      } catch (error) {
        this.refused(error);
      }
    }
    const parts: BatchResult[] = [];
    for (let from = 0; from < count; from += this.chunk) {
      this.o.signal?.throwIfAborted();
      parts.push(this.here.fitStarts(spec, starts.subarray(from * P, Math.min(count, from + this.chunk) * P), solver, affine));
      this.o.onProgress?.(Math.min(count, from + this.chunk), count);
      if (from + this.chunk < count) await nextTask();
    }
    return concatBatches(parts, P);
  }

  /** One refit from `start` per row of per-run weights (rows of `data.count`). */
  async weighted(spec: ObjectiveSpec, weights: Float64Array, start: Float64Array, solver: SolverSettings, affine?: Float64Array): Promise<BatchResult> {
    const threads = this.threads(Infinity);
    if (threads > 0) {
      try {
        const batch = await fitWeightedParallel(this.module!, this.data, spec, weights, start, solver, { workers: threads, signal: this.o.signal }, affine);
        this.workers = Math.max(this.workers, threads);
        return batch;
      } catch (error) {
        this.refused(error);
      }
    }
    // In this thread a chunk of refits per task, as for starts: a whole batch of many runs would hold the page for seconds.
    const n = this.data.count, count = Math.floor(weights.length / n);
    const parts: BatchResult[] = [];
    for (let from = 0; from < count; from += this.chunk) {
      if (from > 0) await nextTask();
      this.o.signal?.throwIfAborted();
      parts.push(this.here.fitWeighted(spec, weights.subarray(from * n, Math.min(count, from + this.chunk) * n), start, solver, affine));
    }
    return concatBatches(parts, paramCount(spec));
  }
}
