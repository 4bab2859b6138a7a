/**
 * Building blocks of the forms' start grids: least-squares lines and planes
 * of the log data, weighted means, Cartesian products of value lists. Each
 * form's grid (./<form>.ts, `startGrid`) puts its starts where the runs are,
 * whatever their units.
 */

import type { FitData, ObjectiveSpec } from '../engine/types.js';

/** Cartesian product of value lists, as rows of a flat array. */
export function product(axes: readonly (readonly number[])[]): Float64Array {
  let rows: number[][] = [[]];
  for (const axis of axes) rows = rows.flatMap((r) => axis.map((v) => [...r, v]));
  return Float64Array.from(rows.flat());
}

export function extent(xs: Float64Array): [number, number] {
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

/** The weighted mean of f(i) over the runs (plain mean when the weights sum to zero). */
export function mean(data: FitData, f: (i: number) => number): number {
  let s = 0, sw = 0;
  for (let i = 0; i < data.count; i++) (s += data.weight[i] * f(i), sw += data.weight[i]);
  if (sw > 0) return s / sw;
  for (let i = 0; i < data.count; i++) s += f(i);
  return s / data.count;
}

/** ln(L − E) per run for a floor E = eᵉ below every loss. */
export const reducibleLog = (lnL: Float64Array, e: number): Float64Array => lnL.map((l) => l + Math.log1p(-Math.exp(e - l)));

/** Rows of starting points as one flat array, rows with a non-finite entry dropped. */
export function rowsOf(rows: readonly (readonly number[])[]): Float64Array {
  return Float64Array.from(rows.filter((r) => r.every(Number.isFinite)).flat());
}

export function join(...grids: Float64Array[]): Float64Array {
  const out = new Float64Array(grids.reduce((n, g) => n + g.length, 0));
  let at = 0;
  for (const g of grids) (out.set(g, at), at += g.length);
  return out;
}

/** Distinct finite values, in order (a value within 1e-9 relative of an earlier one is dropped). */
export function distinct(values: readonly number[]): number[] {
  const out: number[] = [];
  for (const v of values) if (Number.isFinite(v) && !out.some((u) => Math.abs(u - v) <= 1e-9 * Math.max(Math.abs(u), Math.abs(v)))) out.push(v);
  return out;
}

/** An exponent read off a least-squares slope (−slope), when it is one a law could have: finite, not ~0, below 10 in size. */
export const exponentFrom = (slope: number): number[] => (Number.isFinite(slope) && Math.abs(slope) > 1e-6 && Math.abs(slope) < 10 ? [-slope] : []);

/** The log column of a one-variable law's x. */
export const variableColumn = (spec: Pick<ObjectiveSpec, 'variable'>, data: FitData): Float64Array =>
  spec.variable === 'D' ? data.lnD : spec.variable === 'C' ? data.lnC : data.lnN;

/** Four floors E below the lowest loss (0.2, 0.5, 0.8 and 0.95 of it), as ln E. */
export const floorsBelow = (data: FitData): number[] => {
  const [minLnL] = extent(data.lnL);
  return [0.2, 0.5, 0.8, 0.95].map((f) => minLnL + Math.log(f));
};
