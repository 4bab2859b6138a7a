/**
 * What the data and the fitted law say about how far a fit can be trusted,
 * as coded diagnostics (src/core/diagnostic-codes.ts): whether the runs can
 * determine the form at all (collinear or constant columns, too few runs or
 * too little weight), whether the fitted law is a scaling law (dead terms,
 * negative exponents), and whether its residuals look like noise (trends,
 * changing spread, outliers, as the OLMo model-ladder code reports them).
 * See docs/diagnostics.md for the thresholds and why.
 */

import { diagnostic, type Diagnostic } from './diagnostic-codes.js';
import { LAWS, describe, type Law } from '../laws/index.js';
import { predictLog } from '../engine/js/forms/point.js';
import { isTaskForm, predictRaw } from '../engine/js/forms/task.js';
import type { FitData, ObjectiveSpec } from '../engine/types.js';

/** ln-space spread below which a column counts as constant (relative 1e-9). */
const CONSTANT = 1e-9;
/** RMS misfit of ln D on a line in ln N below which N and D are collinear (relative 1e-6 on D). */
const COLLINEAR = 1e-6;
/** A term that never reaches this share of the predicted loss is dead: its parameters are not determined. */
const DEAD_SHARE = 1e-3;
/** Residual trend: |Spearman ρ| and its t both above these (a real, not just detectable, trend). */
const TREND_RHO = 0.3, TREND_T = 4;
/** Runs test: z of the number of sign changes below this is a pattern, not noise. */
const PATTERN_Z = -3.5;
/** Robust z of an outlying residual. */
const OUTLIER_Z = 5;
/** Spread ratio (large-prediction third over small third, or the inverse) that counts as heteroscedastic. */
const SPREAD_RATIO = 3;
/** Residual checks look at most this many runs, spread evenly (outliers are then named among them). */
const RESIDUAL_SAMPLE = 50_000;
/** Runs per free parameter below which a fit is fragile. */
const RUNS_PER_PARAMETER = 3;

/** Laws of N and D together (collinearity of N and D matters to them); the rest read one variable x. */
const twoVariable = (form: ObjectiveSpec['form']) => LAWS[form].twoVariable;

/** The name of a one-variable law's x: N, D or C, or L for a task law. */
const xName = (spec: ObjectiveSpec): string => (LAWS[spec.form].task ? 'L' : spec.variable);

/** ln x per run for a one-variable law: its variable's log column, or the log of a task law's input loss. */
export function lnX(spec: ObjectiveSpec, data: FitData): Float64Array {
  if (LAWS[spec.form].task) return data.input.map(Math.log);
  return spec.variable === 'D' ? data.lnD : spec.variable === 'C' ? data.lnC : data.lnN;
}

/** Weighted mean and standard deviation over runs with positive weight. */
function moments(x: Float64Array, w: Float64Array): { mean: number; sd: number } {
  let sw = 0, sx = 0;
  for (let i = 0; i < x.length; i++) if (w[i] > 0) { sw += w[i]; sx += w[i] * x[i]; }
  const mean = sx / sw;
  let ss = 0;
  for (let i = 0; i < x.length; i++) if (w[i] > 0) ss += w[i] * (x[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / sw) };
}

/** Kish's effective number of runs, (Σw)² / Σw²: n for equal weights, 1 when one run carries all. */
export function effectiveRuns(w: Float64Array): number {
  let s = 0, s2 = 0;
  for (const x of w) { s += x; s2 += x * x; }
  return s2 > 0 ? (s * s) / s2 : 0;
}

/** Checks on the runs alone, before any law: can this form be determined by them? */
export function dataDiagnostics(spec: ObjectiveSpec, data: FitData, parameters: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const w = data.weight;
  const nEff = effectiveRuns(w);
  // Too little weight, as opposed to too few runs (which `interpolates` below names).
  if (!(nEff >= parameters + 1) && !(nEff >= data.count * (1 - 1e-9))) {
    out.push(diagnostic('zero-weight', 'error', { effectiveRuns: nEff, parameters }));
    return out;
  }
  if (LAWS[spec.form].task) {
    // A task law's target is a score, which may be 0 (no log): judged on the score itself.
    const y = moments(data.loss, w);
    if (y.sd <= CONSTANT * Math.abs(y.mean)) out.push(diagnostic('constant-metric', 'error', { value: y.mean }));
  } else {
    const lnL = moments(data.lnL, w);
    if (lnL.sd <= CONSTANT) out.push(diagnostic('constant-loss', 'error', { value: Math.exp(lnL.mean) }));
  }
  const columns: [string, Float64Array][] = twoVariable(spec.form) ? [['N', data.lnN], ['D', data.lnD]] : [[xName(spec), lnX(spec, data)]];
  let constant = false;
  for (const [column, x] of columns) {
    const m = moments(x, w);
    if (m.sd <= CONSTANT * Math.max(1, Math.abs(m.mean))) {
      out.push(diagnostic('constant-column', 'error', { column, value: Math.exp(m.mean) }));
      constant = true;
    }
  }
  if (twoVariable(spec.form) && !constant) {
    // Weighted least squares of ln D on ln N: an exact line means the N and D terms cannot be told apart.
    const n = moments(data.lnN, w), d = moments(data.lnD, w);
    let sxy = 0, sw = 0;
    for (let i = 0; i < data.count; i++) if (w[i] > 0) { sw += w[i]; sxy += w[i] * (data.lnN[i] - n.mean) * (data.lnD[i] - d.mean); }
    const slope = sxy / sw / (n.sd * n.sd), intercept = d.mean - slope * n.mean;
    let ss = 0;
    for (let i = 0; i < data.count; i++) if (w[i] > 0) ss += w[i] * (data.lnD[i] - intercept - slope * data.lnN[i]) ** 2;
    if (Math.sqrt(ss / sw) <= COLLINEAR) {
      out.push(diagnostic('collinear-nd', 'error', { slope, intercept, tokensPerParam: Math.abs(slope - 1) < 1e-6 ? Math.exp(intercept) : NaN }));
    }
  }
  const runs = Math.round(nEff);
  if (nEff <= parameters) out.push(diagnostic('interpolates', 'error', { runs, parameters }));
  else if (nEff < RUNS_PER_PARAMETER * parameters) out.push(diagnostic('few-runs', 'warning', { runs, parameters, recommended: RUNS_PER_PARAMETER * parameters }));
  return out;
}

/** Checks on the fitted law over the runs: dead terms and exponents of the wrong sign. */
export function lawDiagnostics(law: Law, theta: Record<string, number>, data: FitData, x: Float64Array): Diagnostic[] {
  const out: Diagnostic[] = [];
  const w = data.weight;
  const d = describe(law);
  const terms = d.terms?.(law, data, x) ?? [];
  if (terms.length > 1) {
    const share = new Float64Array(terms.length);
    for (let i = 0; i < data.count; i++) {
      if (!(w[i] > 0)) continue;
      const v = terms.map((t) => t.value(i)), total = v.reduce((a, b) => a + b, 0);
      v.forEach((vk, k) => { share[k] = Math.max(share[k], total > 0 ? vk / total : 0); });
    }
    terms.forEach((t, k) => {
      if (share[k] < DEAD_SHARE) out.push(diagnostic('dead-term', 'warning', { term: t.term, parameters: t.parameters, share: share[k] }));
    });
  }
  for (const name of d.exponents) {
    if (theta[name] < 0) out.push(diagnostic('negative-exponent', 'warning', { parameter: name, value: theta[name] }));
  }
  return out;
}

/** Spearman's rank correlation of y with x over runs with positive weight, and its t. */
function spearman(x: ArrayLike<number>, y: ArrayLike<number>): { rho: number; t: number } {
  const rank = (v: ArrayLike<number>) => {
    const order = Array.from(v, (_, i) => i).sort((a, b) => v[a] - v[b]);
    const r = new Float64Array(v.length);
    for (let k = 0; k < order.length;) {
      let j = k;
      while (j + 1 < order.length && v[order[j + 1]] === v[order[k]]) j++;
      for (let m = k; m <= j; m++) r[order[m]] = (k + j) / 2;
      k = j + 1;
    }
    return r;
  };
  const rx = rank(x), ry = rank(y), n = rx.length;
  const one = new Float64Array(n).fill(1);
  const mx = moments(rx, one), my = moments(ry, one);
  let c = 0;
  for (let i = 0; i < n; i++) c += (rx[i] - mx.mean) * (ry[i] - my.mean);
  const rho = mx.sd > 0 && my.sd > 0 ? c / n / (mx.sd * my.sd) : 0;
  return { rho, t: rho * Math.sqrt((n - 2) / Math.max(1e-300, 1 - rho * rho)) };
}

/** Wald–Wolfowitz: runs of equal sign in r ordered by x, their expectation under independence, and z. */
function signRuns(x: ArrayLike<number>, r: readonly number[]): { signRuns: number; expected: number; z: number } {
  const order = r.map((_, k) => k).filter((k) => r[k] !== 0).sort((a, b) => x[a] - x[b]);
  let n1 = 0, runs = 0;
  order.forEach((k, j) => { if (r[k] > 0) n1++; if (j === 0 || (r[k] > 0) !== (r[order[j - 1]] > 0)) runs++; });
  const n = order.length, n2 = n - n1;
  const expected = (2 * n1 * n2) / n + 1;
  const variance = (2 * n1 * n2 * (2 * n1 * n2 - n)) / (n * n * (n - 1));
  return { signRuns: runs, expected, z: variance > 0 ? (runs - expected) / Math.sqrt(variance) : 0 };
}

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Residual checks (log residuals ln L̂ − ln L over runs with weight; a task
 * law's on the metric itself): trends against ln N, ln D (or the form's x)
 * and the prediction, spread that changes
 * with the prediction, and runs far from the rest by a robust z (rows 1-based).
 */
export function residualDiagnostics(spec: ObjectiveSpec, theta: Float64Array, data: FitData, rows: ArrayLike<number>, parameters: number): Diagnostic[] {
  let keep: number[] = [];
  for (let i = 0; i < data.count; i++) if (data.weight[i] > 0) keep.push(i);
  if (keep.length < RUNS_PER_PARAMETER * parameters || keep.length < 8) return [];
  // Rank tests on a million runs cost seconds: an even spread of RESIDUAL_SAMPLE runs decides them as well.
  if (keep.length > RESIDUAL_SAMPLE) keep = Array.from({ length: RESIDUAL_SAMPLE }, (_, j) => keep[Math.floor((j * keep.length) / RESIDUAL_SAMPLE)]);
  const dq = new Float64Array(theta.length);
  // A task law's metric can be 0 (no log): its residuals are on the metric itself.
  const form = spec.form, task = isTaskForm(form);
  const pred = keep.map((i) => (task ? predictRaw(form, spec, theta, data, i, dq) : predictLog(spec, theta, data, i, dq)));
  if (!pred.every(Number.isFinite)) return [];
  const r = keep.map((i, k) => pred[k] - (task ? data.loss[i] : data.lnL[i]));
  const x = twoVariable(spec.form) ? data.lnN : lnX(spec, data);
  const out: Diagnostic[] = [];
  const against: [('lnN' | 'lnD' | 'x' | 'prediction'), ArrayLike<number>][] = twoVariable(spec.form)
    ? [['lnN', keep.map((i) => data.lnN[i])], ['lnD', keep.map((i) => data.lnD[i])], ['prediction', pred]]
    : [['x', keep.map((i) => x[i])], ['prediction', pred]];
  for (const [name, x] of against) {
    const { rho, t } = spearman(x, r);
    if (Math.abs(rho) >= TREND_RHO && Math.abs(t) >= TREND_T) out.push(diagnostic('residual-trend', 'warning', { against: name, slope: rho, t }));
    else {
      const p = signRuns(x, r);
      if (p.z <= PATTERN_Z) out.push(diagnostic('residual-pattern', 'warning', { against: name, ...p }));
    }
  }
  // Spread by thirds of the prediction: median absolute deviation at the large end over the small end.
  const order = pred.map((_, k) => k).sort((a, b) => pred[a] - pred[b]);
  const third = Math.floor(order.length / 3);
  const mad = (ks: number[]) => { const v = ks.map((k) => r[k]), m = median(v); return median(v.map((x) => Math.abs(x - m))); };
  const low = mad(order.slice(0, third)), high = mad(order.slice(-third));
  const ratio = high / low;
  if (low > 0 && high > 0 && (ratio >= SPREAD_RATIO || ratio <= 1 / SPREAD_RATIO)) out.push(diagnostic('heteroscedastic', 'info', { against: 'prediction', ratio }));
  const m = median(r), s = 1.4826 * median(r.map((x) => Math.abs(x - m)));
  if (s > 0) {
    const z = r.map((x) => Math.abs(x - m) / s);
    const far = keep.filter((_, k) => z[k] > OUTLIER_Z);
    const maxZ = z.reduce((a, b) => Math.max(a, b), 0);
    if (far.length) out.push(diagnostic('outliers', 'info', { rows: far.map((i) => rows[i]), maxZ }));
  }
  return out;
}
