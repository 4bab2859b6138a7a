/**
 * The Huber likelihood with a free scale σ, Besiroglu et al. 2024's headline
 * estimator (Epoch's Chinchilla replication): maximise the likelihood of the
 * log residuals r under a Huber density of scale σ, i.e. minimise
 *   Σ wᵢ·ρ_δ(rᵢ/σ) + (Σ wᵢ)·ln σ  (+ a constant from the density's normaliser)
 * jointly over θ and σ. At fixed σ this is the Huber objective with threshold
 * δσ, since ρ_δ(r/σ) = ρ_δσ(r)/σ², so θ is refitted by the usual fit at
 * threshold δσ; at fixed θ the best σ solves Σ wᵢ·ψ_δ(rᵢ/σ)·rᵢ/σ = Σ wᵢ, one
 * equation in ln σ. The two steps alternate until σ stops moving. With Epoch's
 * δ = 1e-3 σ comes out near 5e-6, so almost every residual is in Huber's
 * linear part and the estimate is close to least absolute deviations.
 */

import { brentZero } from './solve1d.js';
import { predictLog } from '../engine/js/forms/point.js';
import { resolveFitOptions, type FitOptions } from './fit-options.js';
import { fitDataFor, runsForFit } from './fit-data.js';
import { paramCount } from '../engine/types.js';
import type { FitResult } from './fit-result.js';
import type { FormName } from '../engine/types.js';
import type { Runs } from './runs-types.js';
import type { RunsInput } from './runs.js';
import { optionError } from '../i18n/error-words/fit.js';
import { diagnostic } from './diagnostic-codes.js';

/** What a free-scale fit adds to its result. */
export interface FreeScale {
  /** The fitted scale σ of the log residuals, and its log. */
  sigma: number;
  lnSigma: number;
  /** Σ wᵢ·ρ_δ(rᵢ/σ) + (Σ wᵢ)·ln σ at the estimate (the negative log-likelihood without the normaliser's constant). */
  negLogLikelihood: number;
  /** Alternations of σ and θ until σ stopped moving. */
  rounds: number;
}

/** Alternations at most; σ settles in two or three on Epoch's runs. */
const MAX_ROUNDS = 30;
/** σ has stopped moving when ln σ changes by less than this. */
const SETTLED = 1e-12;

const huber = (u: number, d: number) => (Math.abs(u) <= d ? 0.5 * u * u : d * (Math.abs(u) - 0.5 * d));
/** ψ(u)·u, the derivative of ρ_δ(u/σ) in −ln σ. */
const psiU = (u: number, d: number) => (Math.abs(u) <= d ? u * u : d * Math.abs(u));

/** The best ln σ for residuals r (weights w) under Huber threshold δ. */
export function bestLnSigma(r: ArrayLike<number>, w: ArrayLike<number>, delta: number): number {
  let total = 0, abs = 0;
  for (let i = 0; i < r.length; i++) (total += w[i], abs += w[i] * Math.abs(r[i]));
  if (!(abs > 0)) return -Infinity; // an exact fit: the likelihood grows without bound as σ → 0
  // h(s) = Σ w ψ(r/σ) r/σ − Σ w falls as s = ln σ rises; all-linear gives σ = δ·Σw|r|/Σw.
  const h = (s: number) => {
    let t = 0;
    for (let i = 0; i < r.length; i++) t += w[i] * psiU(r[i] * Math.exp(-s), delta);
    return t - total;
  };
  let lo = Math.log((delta * abs) / total) - 1, hi = lo + 2;
  while (h(lo) < 0) lo -= 4;
  while (h(hi) > 0) hi += 4;
  return brentZero(h, lo, hi, 1e-15);
}

/** The negative log-likelihood (without the normaliser's constant) at residuals r and ln σ. */
export function negLogLikelihood(r: ArrayLike<number>, w: ArrayLike<number>, delta: number, lnSigma: number): number {
  let f = 0, total = 0;
  for (let i = 0; i < r.length; i++) (f += w[i] * huber(r[i] * Math.exp(-lnSigma), delta), total += w[i]);
  return f + total * lnSigma;
}

type Fitter = (input: Runs | RunsInput, options: FitOptions) => FitResult<FormName>;

/**
 * The free-scale fit: `fitOnce` is the ordinary fit (passed in, so this module
 * does not import the fitter that calls it). Starts from the fit at threshold
 * δ, then alternates σ and θ.
 */
export function freeScaleFit(input: Runs | RunsInput, options: FitOptions, fitOnce: Fitter): FitResult<FormName> & { scale: FreeScale } {
  const { scale: _free, ...fixed } = options;
  const opts = resolveFitOptions(fixed);
  if (opts.spec.loss !== 'huber') throw optionError('scale', 'free-scale-needs-huber', { loss: opts.spec.loss });
  const runs = runsForFit(input, { ...fixed, form: opts.spec.form }, paramCount(opts.spec));
  const data = fitDataFor(runs, opts.spec);
  const delta = opts.spec.delta;
  const dq = new Float64Array(64);
  const residuals = (theta: Record<string, number>) => {
    const t = Float64Array.from(opts.names, (k) => theta[k]);
    return Float64Array.from({ length: data.count }, (_, i) => predictLog(opts.spec, t, data, i, dq) - data.lnL[i]);
  };
  const rest = { ...fixed, columns: undefined, dropHighest: undefined, weights: undefined, unique: undefined, metric: undefined };
  let result = fitOnce(runs, rest);
  // What the whole estimate cost: every refit, not only the last.
  let ms = result.ms, evaluations = result.evaluations, iterations = result.iterations;
  let lnSigma = bestLnSigma(residuals(result.theta), data.weight, delta);
  let rounds = 0;
  while (rounds < MAX_ROUNDS && Number.isFinite(lnSigma)) {
    rounds++;
    result = fitOnce(runs, { ...rest, delta: delta * Math.exp(lnSigma), starts: [result.theta] });
    (ms += result.ms, evaluations += result.evaluations, iterations += result.iterations);
    const next = bestLnSigma(residuals(result.theta), data.weight, delta);
    const moved = Math.abs(next - lnSigma);
    lnSigma = next;
    if (!(moved > SETTLED)) break;
  }
  const r = residuals(result.theta);
  return {
    ...result,
    delta, ms, evaluations, iterations,
    // The curvature at threshold δσ describes a near-L1 objective, not this estimator's spread.
    standardErrors: Object.fromEntries(Object.keys(result.standardErrors).map((k) => [k, NaN])),
    diagnostics: [...result.diagnostics, diagnostic('free-scale', 'info', { sigma: Math.exp(lnSigma) })],
    scale: { sigma: Math.exp(lnSigma), lnSigma, negLogLikelihood: negLogLikelihood(r, data.weight, delta, lnSigma), rounds },
  };
}
