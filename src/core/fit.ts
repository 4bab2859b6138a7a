/**
 * Fitting the Chinchilla law to training runs (Hoffmann et al. 2022,
 * Approach 3; Besiroglu et al. 2024): L-BFGS on the summed Huber loss of log
 * residuals from every start of a grid, the best start polished to the
 * limit of floating point, and an honest report of how it went.
 *
 * `fit` spreads the starts over workers where it can; `fitSync` runs
 * everything in the calling thread. Both give the same numbers on the same
 * engine.
 */

import { readRuns, type RunsInput } from './runs.js';
import type { Runs } from './runs-types.js';
import { resolveFitOptions, THETA_KEYS, type FitOptions, type ResolvedFitOptions, type Strategy, type Theta } from './fit-options.js';
import { hoffmannGrid } from './grid.js';
import type { ChinchillaParams } from './law.js';
import { createEngine } from '../engine/select.js';
import { wasmModule, type WasmBuild } from '../engine/wasm.js';
import { fitStartsParallel } from '../engine/pool.js';
import { concatBatches } from '../engine/batch.js';
import { workersAvailable, hardwareThreads } from '../engine/worker-source.js';
import {
  isConvergedStatus, PARAM_COUNT, STATUS_TEXT,
  type BatchResult, type Engine, type EngineName, type FormName, type LogPoints, type LossName, type SolverSettings,
} from '../engine/types.js';

export interface FitResult {
  form: FormName;
  loss: LossName;
  delta: number;
  strategy: Strategy;
  /** A = eᵃ, B = eᵇ, E = eᵉ, α, β. */
  params: ChinchillaParams;
  /** The raw log-space parameters the optimiser worked on. */
  theta: Theta;
  /** Objective at the optimum (summed Huber, or summed squares, of log residuals). */
  objective: number;
  /** True when the best start stopped at a minimum, not at a limit. */
  converged: boolean;
  /** Why the polish of the best start stopped, in words. */
  reason: string;
  /** ‖∇f‖∞ at the optimum. */
  gradientNorm: number;
  starts: {
    /** Starts run. */
    total: number;
    /** Starts whose objective ended within 1e-9 relative of the best. */
    withinTolerance: number;
    /** Starts that stopped at a (local) minimum rather than at a limit. */
    converged: number;
  };
  /** Objective evaluations and L-BFGS iterations over all starts and the polish. */
  evaluations: number;
  iterations: number;
  engine: EngineName;
  /** Worker threads used (0: the calling thread). */
  workers: number;
  /** Wall time in milliseconds. */
  ms: number;
  /** Runs fitted. */
  runs: number;
  /** Things a user should know (e.g. a fallback that was taken). */
  notices: string[];
}

/** Per-start stopping rules for the grid; see src/engine/js/lbfgs.ts. */
const GRID_SOLVER = { maxEvals: 20000, gtol: 1e-9, ftol: 1e-8 };
/** The polish drives the best start until floating point allows no further decrease. */
const POLISH_SOLVER = { maxIter: 10000, maxEvals: 100000, gtol: 1e-14, ftol: 0 };
const SAME_OPTIMUM = 1e-9;

const engines = new Map<string, Engine>();
function engineFor(name: EngineName | 'auto'): Engine {
  let engine = engines.get(name);
  if (!engine) engines.set(name, (engine = createEngine(name)));
  return engine;
}

interface Prepared {
  runs: Runs;
  points: LogPoints;
  opts: ResolvedFitOptions;
  starts: Float64Array;
  solver: SolverSettings;
  engine: Engine;
}

function prepare(input: Runs | RunsInput, options: FitOptions): Prepared {
  const opts = resolveFitOptions(options);
  const P = PARAM_COUNT[opts.form];
  const runs = readRuns(input, { columns: options.columns, dropHighest: options.dropHighest, minRuns: P });
  const points: LogPoints = {
    count: runs.N.length,
    lnN: runs.N.map(Math.log),
    lnD: runs.D.map(Math.log),
    lnL: runs.loss.map(Math.log),
  };
  const starts = opts.starts ? Float64Array.from(opts.starts.flatMap((s) => THETA_KEYS.map((k) => s[k]))) : hoffmannGrid();
  const solver: SolverSettings = { maxIter: opts.maxIterations, ...GRID_SOLVER, lower: opts.lower, upper: opts.upper };
  const engine = engineFor(opts.engine);
  engine.setPoints(points);
  return { runs, points, opts, starts, solver, engine };
}

function finish(p: Prepared, batch: BatchResult, t0: number, workers: number, notices: string[]): FitResult {
  const { engine, opts } = p;
  const P = batch.params;
  let best = 0;
  for (let k = 1; k < batch.f.length; k++) if (batch.f[k] < batch.f[best] || !(batch.f[best] === batch.f[best])) best = k;
  const polished = engine.fitStarts(opts, batch.theta.slice(best * P, best * P + P), { ...p.solver, ...POLISH_SOLVER });
  const theta = polished.f[0] <= batch.f[best] ? polished.theta : batch.theta.slice(best * P, best * P + P);
  const grad = new Float64Array(P);
  const objective = engine.objective(opts, theta, grad);
  let evaluations = polished.evals[0], iterations = polished.iterations[0], within = 0, convergedStarts = 0;
  for (let k = 0; k < batch.f.length; k++) {
    evaluations += batch.evals[k];
    iterations += batch.iterations[k];
    if (batch.f[k] <= objective * (1 + SAME_OPTIMUM)) within++;
    if (isConvergedStatus(batch.status[k])) convergedStarts++;
  }
  const status = polished.status[0];
  const converged = Number.isFinite(objective) && isConvergedStatus(status);
  const [a, b, e, alpha, beta] = theta;
  return {
    form: opts.form,
    loss: opts.loss,
    delta: opts.delta,
    strategy: opts.strategy,
    params: { A: Math.exp(a), B: Math.exp(b), E: Math.exp(e), alpha, beta },
    theta: { a, b, e, alpha, beta },
    objective,
    converged,
    reason: STATUS_TEXT[status] ?? 'unknown',
    gradientNorm: grad.reduce((m, g) => Math.max(m, Math.abs(g)), 0),
    starts: { total: batch.f.length, withinTolerance: within, converged: convergedStarts },
    evaluations,
    iterations,
    engine: engine.name,
    workers,
    ms: performance.now() - t0,
    runs: p.points.count,
    notices,
  };
}

/** Fits in the calling thread. */
export function fitSync(input: Runs | RunsInput, options: FitOptions = {}): FitResult {
  const t0 = performance.now();
  const p = prepare(input, options);
  const batch = p.engine.fitStarts(p.opts, p.starts, p.solver);
  return finish(p, batch, t0, 0, []);
}

const CHUNK = 64;
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Fits, with the starts spread over worker threads where possible. */
export async function fit(input: Runs | RunsInput, options: FitOptions = {}): Promise<FitResult> {
  const t0 = performance.now();
  const p = prepare(input, options);
  const notices: string[] = [];
  const P = PARAM_COUNT[p.opts.form];
  const count = p.starts.length / P;
  const wanted = Math.min(p.opts.workers ?? hardwareThreads(), count);
  const module = p.engine.name === 'js' ? null : wasmModule(p.engine.name as WasmBuild);
  if (module && wanted > 0 && count > CHUNK && workersAvailable()) {
    try {
      const batch = await fitStartsParallel(module, p.points, p.opts, p.starts, p.solver, {
        workers: wanted, signal: options.signal, onProgress: options.onProgress,
      });
      return finish(p, batch, t0, wanted, notices);
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      notices.push(`workers unavailable (${(error as Error)?.message ?? error}); fitted in this thread`);
    }
  }
  // In this thread, a chunk at a time, so a page stays responsive and can cancel.
  const parts: BatchResult[] = [];
  for (let from = 0; from < count; from += CHUNK) {
    options.signal?.throwIfAborted();
    parts.push(p.engine.fitStarts(p.opts, p.starts.subarray(from * P, Math.min(count, from + CHUNK) * P), p.solver));
    options.onProgress?.(Math.min(count, from + CHUNK), count);
    if (from + CHUNK < count) await yieldToEventLoop();
  }
  return finish(p, concatBatches(parts, P), t0, 0, notices);
}
