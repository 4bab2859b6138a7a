/**
 * Fitting a scaling law to training runs: L-BFGS on the summed loss of
 * residuals (Huber on log loss by default: Hoffmann et al. 2022, Approach 3;
 * Besiroglu et al. 2024) from a set of starting points chosen by the
 * strategy, the best start polished to the limit of floating point, and an
 * honest report of how it went.
 *
 * `fit` spreads many starts over workers where it can; `fitSync` runs
 * everything in the calling thread. Both give the same numbers on the same
 * engine.
 */

import type { RunsInput } from './runs.js';
import type { Runs } from './runs-types.js';
import { dataError } from '../i18n/error-words/fit.js';
import { nextTask } from '../next-task.js';
import { resolveFitOptions, type FitOptions, type ResolvedFitOptions } from './fit-options.js';
import { defaultGrid, lawFromTheta, lowerEnvelopeGrid, reduceStarts } from './forms.js';
import { descriptorOf } from '../laws/index.js';
import { negativeExponentStarts, thetaFromCell, varproGrid, varproStarts, VARPRO_EXPONENTS } from './varpro.js';
import { activeBounds, checkRepresentable } from './fit-checks.js';
import { assessFit } from './fit-trust.js';
import { envelopePolish } from './envelope-lp.js';
import { newtonPolish } from './newton-polish.js';
import { diagnostic, type Diagnostic } from './diagnostic-codes.js';
import { columnDiagnostics } from './column-diagnostics.js';
import { fitDataFor, runsForFit } from './fit-data.js';
import { freeScaleFit } from './free-scale.js';
import { AGREED, CHECK_STARTS, NEGATIVE_EXPONENT_STARTS, searchFurther, spreadRows, type Search, type SearchInput } from './fit-search.js';
import type { FitResult, LawOf } from './fit-result.js';
import { Runner } from '../engine/runner.js';
import { concatBatches } from '../engine/batch.js';
import {
  isConvergedStatus, paramCount, solverStatus,
  type BatchResult, type Engine, type FitData, type FormName, type SolverSettings,
} from '../engine/types.js';

export type { FitResult, LawOf } from './fit-result.js';
export { fitDataFromRuns, normalisedWeights } from './fit-data.js';
export { engineMemory } from '../engine/runner.js';

/** Per-start stopping rules; see src/engine/js/lbfgs.ts. */
const START_SOLVER = { maxEvals: 20000, gtol: 1e-9, ftol: 1e-8 };
/**
 * The exact grid's per-start rules, looser (as scipy's L-BFGS-B defaults are): a start only has to show
 * which basin it falls into; the best is then polished, and Newton-polished, to the minimiser itself. On
 * the 240 Chinchilla runs: 246,649 evaluations instead of 599,731, the same parameters to 12 digits.
 */
const EXACT_START_SOLVER = { maxEvals: 20000, gtol: 1e-6, ftol: 1e-5 };
/** The polish drives the best start until floating point allows no further decrease. */
const POLISH_SOLVER = { maxIter: 10000, maxEvals: 100000, gtol: 1e-14, ftol: 0 };
const SAME_OPTIMUM = 1e-9;
/** Fast strategy: variable-projection basins to polish (chinchilla), screened grid starts to refine (other forms). */
const VARPRO_BASINS = 3;
const SCREENED_STARTS = 8;
/** The asymmetric loss is piecewise linear, where L-BFGS stalls at kinks: refine many more starts. */
const ENVELOPE_STARTS = 64;

interface Prepared {
  data: FitData;
  opts: ResolvedFitOptions;
  starts: Float64Array;
  solver: SolverSettings;
  /** The polish's settings: POLISH_SOLVER, within the caller's own `maxIterations` when given. */
  polish: SolverSettings;
  /** Runs the batches (src/engine/runner.ts): workers or this thread, and what fell back. */
  runner: Runner;
  screenEvaluations: number;
  /** Which input column fed each quantity, to name one in errors and in the result. */
  columns: Runs['columns'];
  /** Quantities whose column was chosen by name among several (column-choice warnings). */
  columnFindings: Diagnostic[];
  /** 1-based data rows of the runs, to name outliers. */
  rows: Int32Array;
  /** Fast strategy: a spread of grid starts run after the fast ones, to look for a lower basin. */
  check: Float64Array | null;
}

function prepare(input: Runs | RunsInput, options: FitOptions): Prepared {
  const opts = resolveFitOptions(options);
  const { spec } = opts;
  const P = paramCount(spec);
  const runs = runsForFit(input, { ...options, form: spec.form }, P);
  const data = fitDataFor(runs, spec);
  const runner = new Runner(opts.engine, data, { workers: opts.workers, signal: options.signal, onProgress: options.onProgress });
  const engine = runner.here;
  const solver: SolverSettings = { maxIter: opts.maxIterations, ...(opts.strategy === 'exact' ? EXACT_START_SOLVER : START_SOLVER), lower: opts.lower, upper: opts.upper };
  let starts = opts.starts ?? defaultGrid(spec, data);
  let screenEvaluations = 0;
  if (!opts.starts && opts.strategy === 'fast') {
    if (spec.form === 'chinchilla') {
      const cells = varproStarts(varproGrid(data), VARPRO_EXPONENTS.length, VARPRO_BASINS);
      // Starts of the full θ; with a tie, each less its tied entry (reduceStarts).
      const projected = Array.from(reduceStarts(spec, Float64Array.from(cells.flatMap((c) => thetaFromCell(c, data)))));
      // The asymmetric loss is piecewise linear: least-squares basins can sit off its optimum, so add screened grid starts.
      const envelopeGrid = spec.loss === 'asymmetric' ? reduceStarts(spec, lowerEnvelopeGrid(data)) : null;
      const screened = envelopeGrid ? Array.from(screen(engine, spec, envelopeGrid, P, ENVELOPE_STARTS)) : [];
      screenEvaluations = envelopeGrid ? envelopeGrid.length / P : 0;
      starts = Float64Array.from([...projected, ...screened]);
    } else {
      const count = starts.length / P;
      screenEvaluations = count;
      starts = screen(engine, spec, starts, P, SCREENED_STARTS);
    }
  }
  // Exact runs the whole grid and, for Chinchilla, the negative-exponent family the grid's rows rarely reach (as fast's check does).
  if (!opts.starts && opts.strategy === 'exact' && spec.form === 'chinchilla' && spec.loss !== 'asymmetric') {
    starts = Float64Array.from([...starts, ...reduceStarts(spec, Float64Array.from(negativeExponentStarts(data, NEGATIVE_EXPONENT_STARTS).flat()))]);
  }
  // An iteration limit the caller set holds for the polish too, so a fit it cut short says so.
  const polish = { ...solver, ...POLISH_SOLVER, ...(options.maxIterations !== undefined && { maxIter: Math.min(POLISH_SOLVER.maxIter, opts.maxIterations) }) };
  let check = !opts.starts && opts.strategy === 'fast' ? spreadRows(defaultGrid(spec, data), P, CHECK_STARTS, starts) : null;
  // Chinchilla: the check also looks at the negative-exponent family, which the grid's rows rarely reach.
  if (check && spec.form === 'chinchilla' && spec.loss !== 'asymmetric') {
    check = Float64Array.from([...check, ...reduceStarts(spec, Float64Array.from(negativeExponentStarts(data, NEGATIVE_EXPONENT_STARTS).flat()))]);
  }
  return { data, opts, starts, solver, polish, runner, screenEvaluations, columns: runs.columns, columnFindings: columnDiagnostics(runs), rows: runs.rows, check };
}

/** The `keep` starts with the lowest objective, in that order. */
function screen(engine: Engine, spec: ResolvedFitOptions['spec'], starts: Float64Array, P: number, keep: number): Float64Array {
  const grad = new Float64Array(P);
  const scored: [number, number][] = [];
  for (let k = 0; k < starts.length / P; k++) {
    const f = engine.objective(spec, starts.subarray(k * P, k * P + P), grad);
    if (Number.isFinite(f)) scored.push([f, k]);
  }
  scored.sort((a, b) => a[0] - b[0]);
  const chosen = scored.slice(0, keep);
  if (chosen.length === 0) return starts.slice(0, P);
  return Float64Array.from(chosen.flatMap(([, k]) => Array.from(starts.subarray(k * P, k * P + P))));
}

/** How the work ran, when it is not as asked: the engine or worker fallbacks a page's policy forced (diagnostics, info). */
function execution(p: Prepared): Diagnostic[] {
  const out: Diagnostic[] = [];
  // 'auto' that ended on the TypeScript engine: WebAssembly was refused here (say so in the result, not only the console).
  if (p.opts.engine === 'auto' && p.runner.name === 'js') out.push(diagnostic('engine-fallback', 'info', { engine: 'js' }));
  // Said once per fit: the page remembers a refused worker and does not try again.
  if (p.runner.workersRefused) out.push(diagnostic('workers-unavailable', 'info', {}));
  return out;
}

function finish<F extends FormName>(p: Prepared, batch: BatchResult, t0: number, workers: number, run: Diagnostic[], search: Search = {}): FitResult<F> {
  const { opts } = p;
  const engine = p.runner.here;
  const { spec } = opts;
  const P = batch.params;
  let best = 0;
  for (let k = 1; k < batch.f.length; k++) if (batch.f[k] < batch.f[best] || !(batch.f[best] === batch.f[best])) best = k;
  const polished = engine.fitStarts(spec, batch.theta.slice(best * P, best * P + P), p.polish);
  let theta = polished.f[0] <= batch.f[best] ? polished.theta : batch.theta.slice(best * P, best * P + P);
  if (opts.strategy === 'exact') {
    // Exact's starts stop loosely (EXACT_START_SOLVER): its runners-up are polished like the best, and the lowest
    // of them all is the answer; whether several starts reached it (certification, fit-trust.ts) is then judged
    // where they really end, not where a loose rule stopped them.
    batch = polishRunnersUp(engine, spec, batch, best, p.polish);
    const lowest = batch.f.reduce((m, f, k) => (f < batch.f[m] ? k : m), 0);
    if (batch.f[lowest] < Math.min(polished.f[0], batch.f[best])) theta = batch.theta.slice(lowest * P, lowest * P + P);
  }
  const grad = new Float64Array(P);
  // Exact: Newton on the gradient puts θ at the minimiser itself, not anywhere in the √ε-wide flat bottom L-BFGS
  // stops in (newton-polish.ts), so its looser starts end at the same parameters. Not at a bound or on the
  // asymmetric loss's kinks. (Not for fast: with many Huber residuals near their kink, finite-difference
  // Hessians change from one engine's endpoint to another's, and engines agreed less, 1.3e-8 against 1e-9.)
  if (opts.strategy === 'exact' && spec.loss !== 'asymmetric' && !opts.lower && !opts.upper) theta = newtonPolish(spec, p.data, theta);
  // L-BFGS stalls at the kinks of the asymmetric loss: for chinchilla, search the exponents with exact (E, A, B).
  if (spec.loss === 'asymmetric' && spec.form === 'chinchilla' && !opts.lower && !opts.upper && !spec.tie) {
    const before = engine.objective(spec, theta, grad);
    const better = envelopePolish(p.data, spec.asymmetry, theta, before);
    if (better && engine.objective(spec, better, grad) < before) theta = better;
  }
  // The best check start, polished too (src/core/fit-search.ts): keep the lower of the two.
  // Only when lower by more than the two can agree to: within that they are the same answer, and the strategy's own
  // is kept so that engines and runs that differ in rounding still report the same parameters.
  if (search.checkPolished) {
    const own = engine.objective(spec, theta, grad);
    if (search.checkPolished.f < own - Math.max(AGREED * Math.abs(own), 1e-14 * p.data.count)) theta = search.checkPolished.theta.slice();
  }
  descriptorOf(spec.form)?.canonical?.(theta);
  const objective = engine.objective(spec, theta, grad);
  let evaluations = polished.evals[0] + p.screenEvaluations, iterations = polished.iterations[0], within = 0, convergedStarts = 0;
  const every = search.checked ? concatBatches([batch, search.checked], P) : batch;
  for (let k = 0; k < every.f.length; k++) {
    evaluations += every.evals[k];
    iterations += every.iterations[k];
    if (every.f[k] <= objective * (1 + SAME_OPTIMUM)) within++;
    if (isConvergedStatus(every.status[k])) convergedStarts++;
  }
  const status = polished.status[0];
  // A gradient that overflowed (NaN or ±∞) looks like "no descent direction" to the solver; say so instead
  // (status gradient-not-finite, with a diagnostic naming the parameters). The asymmetric loss's kinks and
  // parameters held at a bound are diagnostics too (not-certified piecewise-linear, at-bound: fit-trust.ts).
  const brokenGradient = opts.names.filter((_, i) => !Number.isFinite(grad[i]));
  const atBounds = activeBounds(opts, theta);
  const law = lawFromTheta(spec, theta) as LawOf<F>;
  checkRepresentable(opts, theta, law.params, objective, p.columns, p.data);
  const thetaByName = Object.fromEntries(opts.names.map((k, i) => [k, theta[i]]));
  const trust = assessFit({ opts, data: p.data, rows: p.rows, theta, thetaByName, law, objective, every, search, status, brokenGradient, atBounds });
  return {
    form: spec.form as F,
    loss: spec.loss,
    delta: spec.delta,
    strategy: opts.strategy,
    law,
    params: law.params as LawOf<F>['params'],
    theta: thetaByName,
    objective,
    converged: Number.isFinite(objective) && isConvergedStatus(status) && brokenGradient.length === 0,
    status: brokenGradient.length ? 'gradient-not-finite' : solverStatus(status),
    gradientNorm: grad.reduce((m, g) => (Number.isFinite(g) ? Math.max(m, Math.abs(g)) : m), 0),
    starts: { total: every.f.length, withinTolerance: within, converged: convergedStarts },
    evaluations,
    iterations,
    engine: engine.name,
    workers,
    ms: performance.now() - t0,
    runs: p.data.count,
    columns: p.columns,
    atBounds,
    ...trust,
    diagnostics: p.columnFindings.concat(trust.diagnostics, run),
  };
}


/** Runners-up of exact's grid polished, for certification: the lowest this many starts besides the best. */
const RUNNERS_UP = 8;

/** `batch` with its RUNNERS_UP lowest rows besides `best` replaced by their polish (evaluations added). */
function polishRunnersUp(engine: Engine, spec: ResolvedFitOptions['spec'], batch: BatchResult, best: number, polish: SolverSettings): BatchResult {
  const P = batch.params;
  const order = Array.from(batch.f.keys()).filter((k) => k !== best && Number.isFinite(batch.f[k])).sort((a, b) => batch.f[a] - batch.f[b]).slice(0, RUNNERS_UP);
  if (order.length === 0) return batch;
  const starts = new Float64Array(order.length * P);
  order.forEach((k, j) => starts.set(batch.theta.subarray(k * P, k * P + P), j * P));
  const r = engine.fitStarts(spec, starts, polish);
  const out = { params: P, theta: batch.theta.slice(), f: batch.f.slice(), iterations: batch.iterations.slice(), evals: batch.evals.slice(), status: batch.status.slice() };
  order.forEach((k, j) => {
    out.evals[k] += r.evals[j];
    out.iterations[k] += r.iterations[j];
    if (!(r.f[j] <= batch.f[k])) return;
    out.f[k] = r.f[j];
    out.status[k] = r.status[j];
    out.theta.set(r.theta.subarray(j * P, j * P + P), k * P);
  });
  return out;
}

type FormOptions<F extends FormName> = FitOptions & { form?: F };

function searchInput(p: Prepared): SearchInput {
  return {
    starts: p.starts, check: p.check, runs: p.data.count,
    polish: (theta) => {
      const r = p.runner.here.fitStarts(p.opts.spec, theta, p.polish);
      return { theta: r.theta, f: r.f[0] };
    },
    grid: () => defaultGrid(p.opts.spec, p.data),
  };
}

/** Fits in the calling thread. */
export function fitSync<F extends FormName = 'chinchilla'>(input: Runs | RunsInput, options: FormOptions<F> = {}): FitResult<F> {
  if (options?.scale === 'free') return freeScaleFit(input, options, fitSync) as unknown as FitResult<F>;
  const t0 = performance.now();
  const p = prepare(input, options);
  const run = (starts: Float64Array) => p.runner.here.fitStarts(p.opts.spec, starts, p.solver);
  const [batch, search] = searchFurther(searchInput(p), run(p.starts), (starts) => run(starts));
  return finish<F>(p, batch, t0, 0, execution(p), search);
}

/** Fits, with many starts spread over worker threads where possible. */
export async function fit<F extends FormName = 'chinchilla'>(input: Runs | RunsInput, options: FormOptions<F> = {}): Promise<FitResult<F>> {
  // The free scale alternates single-start refits: they run here, in this thread.
  if (options?.scale === 'free') return freeScaleFit(input, options, fitSync) as unknown as FitResult<F>;
  const t0 = performance.now();
  const p = prepare(input, options);
  // Each batch (the strategy's, the check's, an escalation) starts in a task of its own.
  const run = (starts: Float64Array) => p.runner.starts(p.opts.spec, starts, p.solver);
  const [batch, search] = await searchFurther(searchInput(p), await run(p.starts), run);
  await nextTask();
  options.signal?.throwIfAborted();
  return finish<F>(p, batch, t0, p.runner.workers, execution(p), search);
}
