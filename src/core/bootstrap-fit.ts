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
 * Per-refit stopping rules: each refit is driven to the limit of floating point,
 * like the polish of a fit (src/core/fit.ts). Looser rules (the grid's ftol 1e-8)
 * stop refits in the flat valley at path-dependent points, so the same resamples
 * gave intervals 1.5% apart on different engines; polished, they agree to ~1e-7
 * (test/node/determinism.test.ts), at about 2.5× the time.
 */
const REFIT_SOLVER: SolverSettings = { maxIter: 10000, maxEvals: 100000, gtol: 1e-14, ftol: 0 };

export async function bootstrap(input: Runs | RunsInput, options: BootstrapFitOptions = {}): Promise<BootstrapResult & { engine: EngineName; workers: number; ms: number }> {
  const t0 = performance.now();
  const runs = readRuns(input, { dropHighest: options.dropHighest, minRuns: 5 });
  const spec = defaultSpec({ delta: options.delta ?? 1e-3 });
  const data = fitDataFromRuns(runs);
  const engine = createEngine(options.engine ?? 'auto');
  engine.setData(data);
  const estimateFit = fitSync(runs, { engine: engine.name, delta: spec.delta, workers: 0 });
  const estimate = estimateFit.theta as unknown as ChinchillaTheta;
  const start = options.start ?? estimate;
  const module = engine.name === 'js' ? null : wasmModule(engine.name as WasmBuild);
  const threads = options.workers ?? hardwareThreads();
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0)) throw new OptionError('workers', `invalid workers; expected an integer ≥ 0: ${threads}`);
  let parallel = module !== null && threads > 0 && workersAvailable();
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
        // Workers cannot start here (e.g. a Content-Security-Policy worker-src without blob:): refit in this thread from now on.
        parallel = false;
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
    estimate: options.estimate ?? estimate,
    batchSize: options.batchSize ?? Math.max(100, Math.ceil(resamples / 8)),
  });
  return { ...result, engine: engine.name, workers: parallel ? threads : 0, ms: performance.now() - t0 };
}
