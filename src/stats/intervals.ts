/**
 * Summaries of a bootstrap distribution: percentiles as numpy computes them,
 * percentile intervals, mean, standard deviation and Pearson correlation.
 *
 * Missing values: NaN marks a replicate that failed. Every function here
 * leaves NaNs out and works on the rest (so `percentile` is numpy's
 * `nanpercentile`, not `percentile`, which would return NaN); `countNaN`
 * says how many were left out. With nothing left the result is NaN.
 * Infinities are values, not missing.
 */

import { optionError } from '../i18n/error-words/engine.js';

/** How many entries are NaN. */
export function countNaN(values: ArrayLike<number>): number {
  let missing = 0;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) missing++;
  return missing;
}

/** The entries that are not NaN, sorted ascending, in a new array. */
export function sortedWithoutNaN(values: ArrayLike<number>): Float64Array {
  const kept = new Float64Array(values.length - countNaN(values));
  let j = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) kept[j++] = values[i];
  return kept.sort(); // typed-array sort is numeric
}

function checkPercent(q: number): void {
  if (!(typeof q === 'number' && q >= 0 && q <= 100)) throw optionError('q', 'stats-percent', { got: String(q) });
}

/**
 * The q-th percentile (q in [0, 100]) of values already sorted ascending
 * with no NaN, by numpy's default method 'linear' (Hyndman & Fan 1996,
 * definition 7): virtual index v = (n − 1)·q/100, then linear interpolation
 * between the neighbours. The interpolation is written as numpy's `_lerp`
 * writes it (from the upper neighbour when the fraction is ≥ 0.5), so
 * results agree with numpy to the last bit.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  checkPercent(q);
  const n = sorted.length;
  if (n === 0) return NaN;
  const v = (n - 1) * (q / 100);
  if (v >= n - 1) return sorted[n - 1];
  const below = Math.floor(v);
  const t = v - below;
  const a = sorted[below], b = sorted[below + 1];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** The q-th percentile (q in [0, 100]) of values in any order, NaNs left out: numpy's `nanpercentile`. */
export function percentile(values: ArrayLike<number>, q: number): number {
  return percentileOfSorted(sortedWithoutNaN(values), q);
}

/**
 * The central `level` interval [lo, hi]: the percentiles 50·(1 − level) and
 * 50·(1 + level), e.g. 2.5 and 97.5 for level 0.95 (the percentile bootstrap
 * interval; Efron & Tibshirani 1993, ch. 13). The percentages are computed
 * as 50 ∓ 50·level, which gives exactly 2.5 and 97.5 for 0.95.
 */
export function percentileInterval(values: ArrayLike<number>, level: number): [number, number] {
  if (!(typeof level === 'number' && level > 0 && level < 1)) throw optionError('level', 'level-not-in-unit', { got: String(level) });
  const sorted = sortedWithoutNaN(values);
  return [percentileOfSorted(sorted, 50 - 50 * level), percentileOfSorted(sorted, 50 + 50 * level)];
}

/** The arithmetic mean of the values that are not NaN. */
export function mean(values: ArrayLike<number>): number {
  let sum = 0, n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) continue;
    sum += x;
    n++;
  }
  return n === 0 ? NaN : sum / n;
}

/**
 * Standard deviation of the values that are not NaN, with divisor n − ddof
 * (numpy's `std(x, ddof)`). The default ddof = 1 is the sample standard
 * deviation, the bootstrap standard error of Efron & Tibshirani (1993, eq. 6.6).
 * Two passes (mean, then squared deviations) for accuracy.
 */
export function standardDeviation(values: ArrayLike<number>, ddof = 1): number {
  const m = mean(values);
  let squares = 0, n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) continue;
    squares += (x - m) * (x - m);
    n++;
  }
  return n - ddof > 0 ? Math.sqrt(squares / (n - ddof)) : NaN;
}

/**
 * Pearson correlation matrix of several variables observed together:
 * `samples[j][k]` is variable j in observation k (e.g. parameter j in
 * bootstrap replicate k). An observation with a NaN in any variable is left
 * out of every entry (listwise deletion), so the matrix is a proper
 * correlation matrix. Computed as numpy's `corrcoef`: the covariance of the
 * centred data divided by the product of standard deviations, clipped to
 * [−1, 1], with exactly 1 on the diagonal; a variable that does not vary
 * gives NaN in its row and column.
 */
export function correlationMatrix(samples: readonly ArrayLike<number>[]): number[][] {
  const p = samples.length;
  if (p === 0) return [];
  const count = samples[0].length;
  for (let j = 1; j < p; j++) {
    if (samples[j].length !== count) throw optionError(`samples[${j}]`, 'stats-observations', { option: `samples[${j}]`, count, got: samples[j].length });
  }
  const keep: number[] = [];
  for (let k = 0; k < count; k++) {
    let ok = true;
    for (let j = 0; j < p && ok; j++) ok = !Number.isNaN(samples[j][k]);
    if (ok) keep.push(k);
  }
  const centred = samples.map((s) => {
    let sum = 0;
    for (const k of keep) sum += s[k];
    const m = sum / keep.length;
    return Float64Array.from(keep, (k) => s[k] - m);
  });
  const cov = (x: Float64Array, y: Float64Array) => {
    let sum = 0;
    for (let k = 0; k < x.length; k++) sum += x[k] * y[k];
    return sum;
  };
  const sd = centred.map((x) => Math.sqrt(cov(x, x)));
  return centred.map((x, i) =>
    centred.map((y, j) => {
      if (i === j) return sd[i] > 0 && Number.isFinite(sd[i]) ? 1 : NaN;
      const r = cov(x, y) / sd[i] / sd[j];
      return Number.isNaN(r) ? NaN : Math.min(1, Math.max(-1, r));
    }),
  );
}
