/**
 * `bootstrap`: percentile intervals for a Chinchilla fit by resampling runs
 * with replacement and refitting each resample (Besiroglu et al. 2024 §3;
 * science.md §5.1 item 6). Resamples become per-run weights (repeats
 * collapsed), and the refits run as weighted L-BFGS batches in WebAssembly
 * workers where possible, else in this thread. Statistics: ./bootstrap.ts.
 */

import { bootstrapChinchilla, type BootstrapOptions, type BootstrapResult, type ChinchillaTheta } from './bootstrap.js';
import { readRuns, type RunsInput } from './runs.js';
import type { Runs } from './runs-types.js';
import { fitDataFromRuns, fitSync } from './fit.js';
import { OptionError } from './errors.js';
import { createEngine } from '../engine/select.js';
import { wasmModule, type WasmBuild } from '../engine/wasm.js';
import { fitWeightedParallel } from '../engine/pool.js';
import { hardwareThreads, workersAvailable } from '../engine/worker-source.js';
import { defaultSpec, isConvergedStatus, type BatchResult, type EngineName, type SolverSettings } from '../engine/types.js';

export interface BootstrapFitOptions extends Omit<BootstrapOptions, 'runs' | 'refit' | 'start'> {
  /** Refit start θ; default: the fit of all runs (warm start), as Epoch refit from a fixed point. */
  start?: ChinchillaTheta;
  /** Huber δ on log residuals; default 1e-3. */
  delta?: number;
  engine?: EngineName | 'auto';
  /** Worker threads; 0 refits in this thread. */
  workers?: number;
  dropHighest?: number;
}

/**
 * Per-refit stopping rules: each refit is driven nearly to the limit of floating
 * point. The grid's looser rules (ftol 1e-8) stop refits in the flat valley at
 * path-dependent points, so the same resamples gave intervals 1.5% apart on
 * different engines. Measured on 400 Chinchilla resamples (relaxed-SIMD vs the
 * TypeScript twin, worst relative difference of a refitted θ): to rounding
 * (ftol 0) 5e-8; these rules 5e-8 too, in 70% of the time; ftol 1e-13 1.4e-7
 * but single replicates 5e-4 apart; ftol 1e-10 1e-3.
 */
const REFIT_SOLVER: SolverSettings = { maxIter: 10000, maxEvals: 100000, gtol: 1e-10, ftol: 1e-14 };

/** What `bootstrap` returns: the intervals, and where and how the refits ran. */
export interface BootstrapFitResult extends BootstrapResult {
  engine: EngineName;
  /** Worker threads the refits ended on (0: this thread). */
  workers: number;
  ms: number;
  /** What the caller should know, e.g. that workers failed and the refits ran in this thread. */
  notices: string[];
}

export async function bootstrap(input: Runs | RunsInput, options: BootstrapFitOptions = {}): Promise<BootstrapFitResult> {
  const t0 = performance.now();
  const runs = readRuns(input, { dropHighest: options.dropHighest, minRuns: 5 });
  const spec = defaultSpec({ delta: options.delta ?? 1e-3 });
  const data = fitDataFromRuns(runs);
  const engine = createEngine(options.engine ?? 'auto');
  engine.setData(data);
  // The point estimate is fitted here only when the caller did not give both it and θ₀ (an element passes its own fit).
  const fitted = options.start && options.estimate
    ? undefined
    : (fitSync(runs, { engine: engine.name, delta: spec.delta, workers: 0 }).theta as unknown as ChinchillaTheta);
  const estimate = options.estimate ?? fitted!;
  const start = options.start ?? fitted!;
  const module = engine.name === 'js' ? null : wasmModule(engine.name as WasmBuild);
  const threads = options.workers ?? hardwareThreads();
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0)) throw new OptionError('workers', `invalid workers; expected an integer ≥ 0: ${threads}`);
  let parallel = module !== null && threads > 0 && workersAvailable();
  const notices: string[] = [];
  const n = data.count;

  const refit = async (weights: Float64Array[], theta0: Float64Array) => {
    const all = new Float64Array(weights.length * n);
    // Resample multiplicities times any per-run weights of the input.
    weights.forEach((w, k) => { for (let i = 0; i < n; i++) all[k * n + i] = w[i] * data.weight[i]; });
    let batch: BatchResult | undefined;
    if (parallel) {
      try {
        batch = await fitWeightedParallel(module!, data, spec, all, theta0, REFIT_SOLVER, { workers: threads, signal: options.signal });
      } catch (error) {
        if ((error as Error)?.name === 'AbortError') throw error;
        // Workers cannot start or crashed (e.g. a Content-Security-Policy worker-src without blob:): refit in this thread from now on.
        parallel = false;
        notices.push(`workers unavailable (${(error as Error)?.message ?? error}); refitted in this thread`);
      }
    }
    batch ??= engine.fitWeighted(spec, all, theta0, REFIT_SOLVER);
    const P = batch.params;
    return {
      theta: weights.map((_, k) => batch.theta.slice(k * P, k * P + P)),
      converged: Array.from(batch.status, (s) => isConvergedStatus(s)),
    };
  };
  const resamples = options.resamples ?? 4000;
  const result = await bootstrapChinchilla({
    ...options,
    runs,
    refit,
    start,
    estimate,
    batchSize: options.batchSize ?? Math.max(100, Math.ceil(resamples / 8)),
  });
  return { ...result, engine: engine.name, workers: parallel ? threads : 0, ms: performance.now() - t0, notices };
}
