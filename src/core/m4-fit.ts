/**
 * Alabdulmohsin, Neyshabur and Zhai's estimator M4 (2022, "Revisiting Neural
 * Scaling Laws in Language and Vision", arXiv 2209.06640): a learning curve
 * ε(x) as (ε − ε∞)/(ε0 − ε)^α = β·x^c, with c ≤ 0 and α ≥ 0, ε∞ the loss with
 * unlimited data and ε0 the loss of a random guess (given, or fitted). The
 * objective and its inner least squares are in ./m4-objective.ts, the Newton
 * steps on (ε∞, ε0) in ./m4-descent.ts, and predictions from the implicit law
 * in ./m4-predict.ts.
 *
 * Box, as the paper's code: 0 ≤ ε∞ ≤ lowest loss less a margin, ε0 ≥ highest
 * loss plus a margin; the margin is 1e-3 of the loss itself (the paper's 1e-3
 * for losses of order 1, in any units), and ε0 is held at most 10⁴ times the
 * highest loss above it, so that "ε0 runs away" shows as a bound.
 *
 * Search: 'paper' (default) descends from the paper's start, ε∞ just below the
 * lowest loss, to the minimum it reaches, as the paper's procedure does. The
 * objective often has several minima, and the lowest can be ε∞ = 0 with α = 0
 * (the pure power law); a scan of the whole box is always run, and when it
 * finds a lower minimum the result says so ('lower-minimum-elsewhere').
 * 'global' returns the lowest minimum found instead.
 */

import { optionError } from '../i18n/error-words/options.js';
import { dataError, optionError as curveOptionError } from '../i18n/error-words/extrapolate.js';
import { checkCurve } from './curve-input.js';
import { checkOptionNames, type NoneMissing } from './option-names.js';
import { LIMITS, formatCount } from './limits.js';
import { diagnostic, type Diagnostic } from './diagnostic-codes.js';
import { m4Data, profile, type M4Data } from './m4-objective.js';
import { descend, type Descent, type M4Box, type M4Status } from './m4-descent.js';

export type { M4Status } from './m4-descent.js';

export type M4Search = 'paper' | 'global';
export const M4_SEARCHES: readonly M4Search[] = ['paper', 'global'];

export interface M4Options {
  /** The random-guess loss ε0, when known; fitted when absent. Every loss must be below it. */
  eps0?: number;
  /** 'paper' (default): the minimum reached from the paper's start; 'global': the lowest minimum of a scan of the box. */
  search?: M4Search;
  /** Newton iterations of one descent; default 1000, at most 100,000 (a fixed limit). */
  maxIterations?: number;
}

export const M4_OPTION_NAMES = ['eps0', 'search', 'maxIterations'] as const satisfies readonly (keyof M4Options)[];
type _M4OptionsListed = NoneMissing<Exclude<keyof M4Options, (typeof M4_OPTION_NAMES)[number]>>;

/** The law: (ε − epsInf)/(eps0 − ε)^alpha = beta·x^c. */
export interface M4Params {
  beta: number;
  /** ln β, read instead of beta when given: exact where β itself over- or underflows (a fit gives it). */
  lnBeta?: number;
  c: number;
  alpha: number;
  epsInf: number;
  eps0: number;
}

export interface M4Fit {
  /** The fitted law, ln β included. */
  params: Required<M4Params>;
  /** Whether ε0 was given (held) or fitted. */
  eps0Given: boolean;
  /** Σ of squared residuals of the law in log space (./m4-objective.ts). */
  objective: number;
  search: M4Search;
  /** True when the descent stopped at a minimum (of the box), not at a limit. */
  converged: boolean;
  status: M4Status;
  /** Newton iterations of the descent that gave the result. */
  iterations: number;
  /** Descents run: the paper's start and the best minima of the scan. */
  descents: number;
  /** The box searched: [lowest, highest] of ε∞ and of ε0 (equal when ε0 was given). */
  bounds: { epsInf: [number, number]; eps0: [number, number] };
  points: number;
  /** What the result says of itself, as codes (src/core/diagnostic-codes.ts; words in src/i18n/diagnostics.ts). */
  diagnostics: Diagnostic[];
}

/** The margin of the box, as a share of the loss beside it (the paper's 1e-3 for losses of order 1). */
export const M4_MARGIN = 1e-3;
/** ε0 is held at most this many times the highest loss above the highest loss. */
export const M4_EPS0_CAP = 1e4;
/** Default Newton iterations of one descent. */
export const M4_MAX_ITERATIONS = 1000;
/** Minima of the scan polished by a descent, besides the paper's start. */
const SCAN_DESCENTS = 4;
/** Scan: ε∞ at distances below the lowest loss from all of it to the margin, and ε0 at distances above the highest from the margin to the cap, geometrically. */
const SCAN_U = 48, SCAN_V = 36;
/** Lower objectives than this share of the paper's are "lower elsewhere"; within it they are the same minimum. */
const SAME = 1e-9;

/** Free parameters of M4: ln β, c, α, ε∞, and ε0 unless given. */
export const m4Parameters = (eps0Given: boolean) => (eps0Given ? 4 : 5);

interface Resolved { eps0: number | undefined; search: M4Search; maxIterations: number }

function resolve(options: M4Options): Resolved {
  if (options === null || typeof options !== 'object') throw curveOptionError('options', 'not-an-object', { option: 'options', got: String(options) });
  checkOptionNames(options, M4_OPTION_NAMES);
  const { eps0, search = 'paper', maxIterations = M4_MAX_ITERATIONS } = options;
  if (eps0 !== undefined && !(typeof eps0 === 'number' && Number.isFinite(eps0) && eps0 > 0)) {
    throw optionError('eps0', 'option-not-positive', { option: 'eps0', got: String(eps0) });
  }
  if (!M4_SEARCHES.includes(search)) throw optionError('search', 'option-not-one-of', { option: 'search', allowed: M4_SEARCHES.join(', '), got: String(search) });
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1 && maxIterations <= LIMITS.m4Iterations)) {
    throw optionError('maxIterations', 'option-count-limit', { option: 'maxIterations', max: formatCount(LIMITS.m4Iterations), got: String(maxIterations) });
  }
  return { eps0, search, maxIterations };
}

function boxOf(d: M4Data, eps0: number | undefined): M4Box {
  return {
    u: [0, d.min * (1 - M4_MARGIN)],
    v: eps0 === undefined ? [d.max * (1 + M4_MARGIN), d.max * (1 + M4_EPS0_CAP)] : [eps0, eps0],
  };
}

/** Geometric steps from `a` to `b` (both included). */
const geometric = (a: number, b: number, count: number) => Array.from({ length: count }, (_, k) => a * (b / a) ** (k / (count - 1)));

/**
 * Starts for descents from a scan of the box: for each ε∞ of the scan the best
 * ε0, then the local minima of that profile along ε∞, lowest first.
 */
function scanStarts(d: M4Data, box: M4Box): { u: number; v: number }[] {
  const fixV = box.v[0] === box.v[1];
  const us = geometric(d.min, d.min - box.u[1], SCAN_U).map((gap) => Math.max(box.u[0], d.min - gap));
  const vs = fixV ? [box.v[0]] : geometric(box.v[0] - d.max, box.v[1] - d.max, SCAN_V).map((gap) => d.max + gap);
  const row = us.map((u) => {
    let best = { u, v: vs[0], f: Infinity };
    for (const v of vs) {
      const f = profile(d, u, v).objective;
      if (f < best.f) best = { u, v, f };
    }
    return best;
  });
  const minima = row.filter((p, k) => (k === 0 || p.f <= row[k - 1].f) && (k === row.length - 1 || p.f <= row[k + 1].f) && Number.isFinite(p.f));
  return minima.sort((a, b) => a.f - b.f).slice(0, SCAN_DESCENTS);
}

/** The paper's start: ε∞ just below the lowest loss, ε0 as given or twice the highest loss. */
const paperStart = (d: M4Data, box: M4Box) => ({ u: box.u[1], v: Math.min(box.v[1], Math.max(box.v[0], 2 * d.max)) });

function diagnosticsOf(d: Descent, box: M4Box, eps0Given: boolean, lower: Descent | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!d.converged) out.push(diagnostic('not-converged', 'warning', { status: d.status === 'no-decrease' ? 'no-decrease' : 'iteration-limit' }));
  if (d.u <= box.u[0]) out.push(diagnostic('at-bound', 'warning', { parameter: 'epsInf', side: 'lower', bound: box.u[0] }));
  if (d.u >= box.u[1]) out.push(diagnostic('at-bound', 'warning', { parameter: 'epsInf', side: 'upper', bound: box.u[1] }));
  if (!eps0Given) {
    if (d.inner.alpha === 0) out.push(diagnostic('eps0-undetermined', 'warning', {}));
    else if (d.v <= box.v[0]) out.push(diagnostic('at-bound', 'warning', { parameter: 'eps0', side: 'lower', bound: box.v[0] }));
    else if (d.v >= box.v[1]) out.push(diagnostic('at-bound', 'warning', { parameter: 'eps0', side: 'upper', bound: box.v[1] }));
  }
  if (lower) out.push(diagnostic('lower-minimum-elsewhere', 'warning', { objective: d.inner.objective, lower: lower.inner.objective, epsInf: lower.u, alpha: lower.inner.alpha }));
  return out;
}

/**
 * Fits M4 to the curve (`x`, `loss`): positive finite arrays of one length,
 * with at least one point more than M4's free parameters and three distinct x.
 * Deterministic: the same input gives the same numbers.
 */
export function fitM4(x: ArrayLike<number>, loss: ArrayLike<number>, options: M4Options = {}): M4Fit {
  const o = resolve(options);
  const curve = checkCurve(x, loss);
  const eps0Given = o.eps0 !== undefined, parameters = m4Parameters(eps0Given), n = curve.x.length;
  if (n < parameters + 1) throw dataError('too-few-runs', 'm4-too-few-points', { parameters, min: parameters + 1, n });
  if (o.eps0 !== undefined) {
    const i = curve.loss.findIndex((l) => !(l < o.eps0!));
    if (i >= 0) throw dataError('bad-value', 'm4-loss-not-below-eps0', { point: i + 1, loss: curve.loss[i], eps0: o.eps0 });
  }
  const d = m4Data(curve.x, curve.loss);
  const box = boxOf(d, o.eps0);
  const paper = descend(d, box, paperStart(d, box), o.maxIterations);
  const others = scanStarts(d, box).map((s) => descend(d, box, s, o.maxIterations));
  let lowest = paper;
  for (const r of others) if (r.inner.objective < lowest.inner.objective) lowest = r;
  const chosen = o.search === 'global' ? lowest : paper;
  const lower = o.search === 'paper' && lowest.inner.objective < paper.inner.objective * (1 - SAME) - 1e-24 ? lowest : undefined;
  return {
    params: { beta: Math.exp(chosen.inner.lnBeta), lnBeta: chosen.inner.lnBeta, c: chosen.inner.c, alpha: chosen.inner.alpha, epsInf: chosen.u, eps0: chosen.v },
    eps0Given,
    objective: chosen.inner.objective,
    search: o.search,
    converged: chosen.converged,
    status: chosen.status,
    iterations: chosen.iterations,
    descents: 1 + others.length,
    bounds: { epsInf: [box.u[0], box.u[1]], eps0: [box.v[0], box.v[1]] },
    points: n,
    diagnostics: diagnosticsOf(chosen, box, eps0Given, lower),
  };
}
