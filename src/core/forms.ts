/**
 * The fitting side of each form: the names of its raw parameters θ (logs of
 * scale parameters, so the optimiser keeps them positive), how θ becomes the
 * published parameters (`Law`), and its default grid of starting points.
 * The kernels themselves are src/engine/js/forms/point.ts and
 * assembly/forms/point.ts; citations are there and in forms-eval.ts.
 */

import type { FitData, FormName, ObjectiveSpec } from '../engine/types.js';
import type { Law, LawVariable } from './forms-eval.js';

/** Raw parameter names per form, in kernel order. */
export function thetaNames(form: FormName, breaks = 1): string[] {
  switch (form) {
    case 'chinchilla': return ['a', 'b', 'e', 'alpha', 'beta'];
    case 'kaplan': return ['lnNc', 'lnDc', 'alphaN', 'alphaD'];
    case 'power': return ['lnXc', 'alpha'];
    case 'saturating': return ['e', 'a', 'alpha'];
    case 'data-constrained': return ['lnRN', 'lnRD'];
    case 'overtrained': return ['e', 'lnA', 'lnB', 'eta'];
    case 'broken': {
      const names = ['lna', 'lnb', 'c0'];
      for (let k = 1; k <= breaks; k++) names.push(`c${k}`, `lnd${k}`, `lnf${k}`);
      return names;
    }
  }
}

/** The law a fitted θ stands for, in the published parameters. */
export function lawFromTheta(spec: ObjectiveSpec, t: ArrayLike<number>): Law {
  const exp = Math.exp;
  const variable = spec.variable as LawVariable;
  switch (spec.form) {
    case 'chinchilla': return { form: 'chinchilla', params: { A: exp(t[0]), B: exp(t[1]), E: exp(t[2]), alpha: t[3], beta: t[4] } };
    case 'kaplan': return { form: 'kaplan', params: { Nc: exp(t[0]), Dc: exp(t[1]), alphaN: t[2], alphaD: t[3] } };
    case 'power': return { form: 'power', variable, params: { xc: exp(t[0]), alpha: t[1] } };
    case 'saturating': return { form: 'saturating', variable, params: { E: exp(t[0]), A: exp(t[1]), alpha: t[2] } };
    case 'data-constrained': {
      const [a, b, e, alpha, beta] = spec.constants;
      return { form: 'data-constrained', params: { A: exp(a), B: exp(b), E: exp(e), alpha, beta, RN: exp(t[0]), RD: exp(t[1]) } };
    }
    case 'overtrained': return { form: 'overtrained', params: { E: exp(t[0]), a: exp(t[1]), b: exp(t[2]), eta: t[3] } };
    case 'broken': {
      const breaks = [];
      for (let k = 0; k < spec.breaks; k++) breaks.push({ c: t[3 + 3 * k], d: exp(t[4 + 3 * k]), f: exp(t[5 + 3 * k]) });
      return { form: 'broken', variable, params: { a: exp(t[0]), b: exp(t[1]), c0: t[2], breaks } };
    }
  }
}

/** Cartesian product of value lists, as rows of a flat array. */
export function product(axes: readonly (readonly number[])[]): Float64Array {
  let rows: number[][] = [[]];
  for (const axis of axes) rows = rows.flatMap((r) => axis.map((v) => [...r, v]));
  return Float64Array.from(rows.flat());
}

/**
 * Hoffmann et al. 2022 (§D.2), as run by Besiroglu et al. 2024: 4,500 starts,
 * α, β ∈ {0, 0.5, …, 2}, e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25}.
 */
let hoffmann: Float64Array | undefined;

export function hoffmannGrid(): Float64Array {
  // Built once (the fast strategy's check reads it on every fit); each caller gets its own copy.
  hoffmann ??= buildHoffmannGrid();
  return hoffmann.slice();
}

function buildHoffmannGrid(): Float64Array {
  const ab = [0, 5, 10, 15, 20, 25], ex = [0, 0.5, 1, 1.5, 2];
  const rows = product([ex, ex, [-1, -0.5, 0, 0.5, 1], ab, ab]); // α, β, e, a, b
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k += 5) out.set([rows[k + 3], rows[k + 4], rows[k + 2], rows[k], rows[k + 1]], k);
  return out;
}

function extent(xs: Float64Array): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const x of xs) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
  return [lo, hi];
}

/** A least-squares line y ≈ intercept + slope·x, weighted; slope NaN when x does not vary. */
export interface Line { slope: number; intercept: number; meanX: number; meanY: number }

/**
 * Weighted ordinary least squares of y on x (the runs' weights; equal weights
 * when they sum to zero). The line passes through the weighted means, so a
 * start built on it matches the data's level whatever its units.
 */
export function leastSquaresLine(x: ArrayLike<number>, y: ArrayLike<number>, weight?: ArrayLike<number>): Line {
  let sw = 0;
  if (weight) for (let i = 0; i < x.length; i++) sw += weight[i];
  const weighted = weight !== undefined && sw > 0;
  const w = (i: number) => (weighted ? weight![i] : 1);
  if (!weighted) sw = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < x.length; i++) (mx += w(i) * x[i], my += w(i) * y[i]);
  mx /= sw, my /= sw;
  let sxx = 0, sxy = 0;
  for (let i = 0; i < x.length; i++) (sxx += w(i) * (x[i] - mx) ** 2, sxy += w(i) * (x[i] - mx) * (y[i] - my));
  const slope = sxx > 0 ? sxy / sxx : NaN;
  return { slope, intercept: my - slope * mx, meanX: mx, meanY: my };
}

/**
 * Slopes (b₁, b₂) of the weighted least-squares plane y ≈ b₀ + b₁·u + b₂·v; NaN
 * where u and v are (near) collinear or constant.
 */
export function leastSquaresPlane(u: ArrayLike<number>, v: ArrayLike<number>, y: ArrayLike<number>, weight?: ArrayLike<number>): [number, number] {
  const lu = leastSquaresLine(u, y, weight), lv = leastSquaresLine(v, y, weight);
  let suu = 0, svv = 0, suv = 0, suy = 0, svy = 0, sw = 0;
  if (weight) for (let i = 0; i < u.length; i++) sw += weight[i];
  for (let i = 0; i < u.length; i++) {
    const w = weight && sw > 0 ? weight[i] : 1, du = u[i] - lu.meanX, dv = v[i] - lv.meanX, dy = y[i] - lu.meanY;
    suu += w * du * du, svv += w * dv * dv, suv += w * du * dv, suy += w * du * dy, svy += w * dv * dy;
  }
  const det = suu * svv - suv * suv;
  if (!(det > 1e-12 * suu * svv)) return [NaN, NaN];
  return [(svv * suy - suv * svy) / det, (suu * svy - suv * suy) / det];
}

/** The weighted mean of f(i) over the runs. */
function mean(data: FitData, f: (i: number) => number): number {
  let s = 0, sw = 0;
  for (let i = 0; i < data.count; i++) (s += data.weight[i] * f(i), sw += data.weight[i]);
  if (sw > 0) return s / sw;
  for (let i = 0; i < data.count; i++) s += f(i);
  return s / data.count;
}

/** ln(L − E) per run for a floor E = eᵉ below every loss. */
const reducibleLog = (lnL: Float64Array, e: number) => lnL.map((l) => l + Math.log1p(-Math.exp(e - l)));

/** Rows of starting points as one flat array, rows with a non-finite entry dropped. */
function rowsOf(rows: readonly (readonly number[])[]): Float64Array {
  return Float64Array.from(rows.filter((r) => r.every(Number.isFinite)).flat());
}

function join(...grids: Float64Array[]): Float64Array {
  const out = new Float64Array(grids.reduce((n, g) => n + g.length, 0));
  let at = 0;
  for (const g of grids) (out.set(g, at), at += g.length);
  return out;
}

/** Distinct finite values, in order (a value within 1e-9 relative of an earlier one is dropped). */
function distinct(values: readonly number[]): number[] {
  const out: number[] = [];
  for (const v of values) if (Number.isFinite(v) && !out.some((u) => Math.abs(u - v) <= 1e-9 * Math.max(Math.abs(u), Math.abs(v)))) out.push(v);
  return out;
}

/** An exponent read off a least-squares slope (−slope), when it is one a law could have: finite, not ~0, below 10 in size. */
const exponentFrom = (slope: number): number[] => (Number.isFinite(slope) && Math.abs(slope) > 1e-6 && Math.abs(slope) < 10 ? [-slope] : []);

/**
 * Default starting points for a form: the fixed grid each form has always had
 * (Hoffmann et al.'s 4,500 for chinchilla, unchanged), and for every other
 * form rows derived from the data first, so that the starts sit where the runs
 * are whatever their units: N of 1e3 or 1e20, losses of 0.01 or 100 (ln L of
 * either sign). Each derived row sets the scale parameters from least-squares
 * lines and means of the log data, given the exponents, so the law passes
 * through the runs' centre; see each form below.
 */
export function defaultGrid(spec: ObjectiveSpec, data: FitData): Float64Array {
  const [minLnL, maxLnL] = extent(data.lnL);
  const x = spec.variable === 'D' ? data.lnD : spec.variable === 'C' ? data.lnC : data.lnN;
  const [xLo, xHi] = extent(x);
  const floor = [0.2, 0.5, 0.8, 0.95].map((f) => minLnL + Math.log(f)); // E below the lowest loss
  const lnL = mean(data, (i) => data.lnL[i]);
  switch (spec.form) {
    case 'chinchilla': return hoffmannGrid();
    case 'kaplan': {
      const scales = [1e11, 1e12, 1e13, 1e14, 1e15].map(Math.log), ex = [0.03, 0.07, 0.15, 0.3];
      const fixed = product([scales, scales.map((s) => s - Math.log(10)), ex, ex]);
      // L^(1/αD) = (Nc/N)^(αN/αD) + Dc/D. Where the N term is a share p of it, ∂ln L/∂ln N = −p·αN
      // and ∂ln L/∂ln D = −(1 − p)·αD: the least-squares plane of ln L on ln N and ln D gives
      // exponents for each p, joined by the grid's; then at the runs' mean ln N, ln D and ln L
      // the N term takes the share p and the D term the rest.
      const n = mean(data, (i) => data.lnN[i]), d = mean(data, (i) => data.lnD[i]);
      const [sN, sD] = leastSquaresPlane(data.lnN, data.lnD, data.lnL, data.weight);
      const rows: number[][] = [];
      for (const p of [0.2, 0.5, 0.8]) {
        const alphaN = distinct([...exponentFrom(sN / p), ...ex]), alphaD = distinct([...exponentFrom(sD / (1 - p)), ...ex]);
        for (const aN of alphaN) for (const aD of alphaD) {
          if (aN > 0 && aD > 0) rows.push([n + (lnL + aD * Math.log(p)) / aN, d + lnL / aD + Math.log(1 - p), aN, aD]);
        }
      }
      return join(rowsOf(rows), fixed);
    }
    case 'power': {
      // ln L = α(ln xc − ln x) is a straight line in log space: the least-squares line of ln L
      // on ln x gives α = −slope and ln xc = intercept/α (the optimum itself for the squared
      // loss), and about it other exponents, each through the runs' centre (x̄, mean ln L).
      const line = leastSquaresLine(x, data.lnL, data.weight);
      const fitted = exponentFrom(line.slope);
      const alphas = distinct([...fitted, ...fitted.flatMap((a) => [a / 2, 2 * a]), 0.01, 0.05, 0.1, 0.3, 1]);
      const derived = rowsOf(alphas.map((a) => [line.meanX + line.meanY / a, a]));
      return join(derived, product([[0, 5, 10, 20, 40].map((k) => xHi + k), [0.01, 0.05, 0.1, 0.3, 1]]));
    }
    case 'saturating': {
      // For each floor E below the lowest loss, ln(L − E) = a − α·ln x is a line: its
      // least-squares fit, and other exponents through its centre.
      const rows: number[][] = [];
      for (const e of floor) {
        const reducible = reducibleLog(data.lnL, e);
        const line = leastSquaresLine(x, reducible, data.weight);
        for (const alpha of distinct([...exponentFrom(line.slope), 0.05, 0.1, 0.2, 0.4, 0.8])) rows.push([e, line.meanY + alpha * line.meanX, alpha]);
      }
      return join(rowsOf(rows), product([floor, [0, 2, 5, 10, 15, 20, 25], [0.05, 0.1, 0.2, 0.4, 0.8]]));
    }
    case 'data-constrained': {
      // R_N*, R_D* count repetitions: dimensionless, so this grid holds at any scale (the base law carries the units).
      const r = [0.5, 2, 5, 10, 20, 50].map(Math.log);
      return product([r, r]);
    }
    case 'overtrained': {
      // L − E = (a·M^η + b·M^(−η))·C^(−η), M = D/N, C = 6ND: at the runs' mean ln M, ln C and
      // ln(L − E) the a term takes a share p and the b term the rest; η from the grid and from
      // the least-squares slope of ln(L − E) on ln C.
      const m = mean(data, (i) => data.lnD[i] - data.lnN[i]);
      const lnC = Float64Array.from(data.lnN, (n, i) => Math.log(6) + n + data.lnD[i]);
      const rows: number[][] = [];
      for (const e of floor.slice(0, 3)) {
        const reducible = reducibleLog(data.lnL, e);
        const line = leastSquaresLine(lnC, reducible, data.weight);
        const etas = distinct([...exponentFrom(line.slope).filter((v) => v > 0), 0.05, 0.1, 0.2, 0.3]);
        for (const eta of etas) for (const p of [0.2, 0.5, 0.8]) {
          rows.push([e, line.meanY + Math.log(p) - eta * m + eta * line.meanX, line.meanY + Math.log(1 - p) + eta * m + eta * line.meanX, eta]);
        }
      }
      return join(rowsOf(rows), product([floor.slice(0, 3), [0, 5, 10, 15, 20], [0, 5, 10, 15, 20], [0.05, 0.1, 0.2, 0.3]]));
    }
    case 'broken': {
      const axes: number[][] = [floor.slice(0, 3), [0, 0.5, 1].map((k) => maxLnL + k * (xHi - xLo) * 0.3), [0, 0.25, 0.5]];
      // The first break is searched over a grid; later ones sit at fixed quantiles of x (c 0.5, f 0.25),
      // so the grid stays 486 rows at any number of breaks instead of growing 18-fold with each.
      for (let k = 0; k < spec.breaks; k++) {
        if (k === 0) axes.push([0.25, 0.5, 1], [0.25, 0.5, 0.75].map((q) => xLo + q * (xHi - xLo)), [Math.log(0.25), 0]);
        else axes.push([0.5], [xLo + ((k + 1) / (spec.breaks + 1)) * (xHi - xLo)], [Math.log(0.25)]);
      }
      const fixed = product(axes);
      // The same rows with ln b fitted instead of taken from the grid: given the floor a,
      // the exponents and the breaks, the mean of ln(L − a) + c₀·x + Σ c·f·softplus((x − ln d)/f)
      // over the runs, so the law passes through them in log space at any scale.
      const P = axes.length, rows: number[][] = [];
      const reducible = new Map(axes[0].map((e) => [e, reducibleLog(data.lnL, e)]));
      for (let r = 0; r < fixed.length / P; r++) {
        const t = fixed.subarray(r * P, r * P + P);
        if (t[1] !== axes[1][0]) continue; // one row per (a, c₀, breaks)
        const y = reducible.get(t[0])!;
        const lnb = mean(data, (i) => {
          let v = y[i] + t[2] * x[i];
          for (let k = 0; k < spec.breaks; k++) {
            const c = t[3 + 3 * k], f = Math.exp(t[5 + 3 * k]), z = (x[i] - t[4 + 3 * k]) / f;
            v += c * f * (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
          }
          return v;
        });
        rows.push([t[0], lnb, ...Array.from(t.subarray(2))]);
      }
      return join(rowsOf(rows), fixed);
    }
  }
}

/**
 * kyo-takano/chinchilla's data-informed 5⁵ grid for lower-envelope fits
 * (science.md §5.2–5.3): E from 0.67 to 0.96 of the lowest loss (their 1.4–2.0
 * on Chinchilla's losses), ln A, ln B ∈ [1, 10], α, β ∈ [0.1, 0.7]; rows θ.
 */
export function lowerEnvelopeGrid(data: FitData): Float64Array {
  const [minLnL] = extent(data.lnL);
  const lin = (a: number, b: number) => [0, 1, 2, 3, 4].map((k) => a + ((b - a) * k) / 4);
  return product([lin(1, 10), lin(1, 10), lin(Math.log(0.67), Math.log(0.96)).map((f) => minLnL + f), lin(0.1, 0.7), lin(0.1, 0.7)]);
}
