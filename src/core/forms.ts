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
export function hoffmannGrid(): Float64Array {
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

/** Default starting points for a form, informed by the data's ranges where that helps. */
export function defaultGrid(spec: ObjectiveSpec, data: FitData): Float64Array {
  const [minLnL, maxLnL] = extent(data.lnL);
  const x = spec.variable === 'D' ? data.lnD : spec.variable === 'C' ? data.lnC : data.lnN;
  const [xLo, xHi] = extent(x);
  const floor = [0.2, 0.5, 0.8, 0.95].map((f) => minLnL + Math.log(f)); // E below the lowest loss
  switch (spec.form) {
    case 'chinchilla': return hoffmannGrid();
    case 'kaplan': {
      const scales = [1e11, 1e12, 1e13, 1e14, 1e15].map(Math.log), ex = [0.03, 0.07, 0.15, 0.3];
      return product([scales, scales.map((s) => s - Math.log(10)), ex, ex]);
    }
    case 'power': return product([[0, 5, 10, 20, 40].map((k) => xHi + k), [0.01, 0.05, 0.1, 0.3, 1]]);
    case 'saturating': return product([floor, [0, 2, 5, 10, 15, 20, 25], [0.05, 0.1, 0.2, 0.4, 0.8]]);
    case 'data-constrained': {
      const r = [0.5, 2, 5, 10, 20, 50].map(Math.log);
      return product([r, r]);
    }
    case 'overtrained': return product([floor.slice(0, 3), [0, 5, 10, 15, 20], [0, 5, 10, 15, 20], [0.05, 0.1, 0.2, 0.3]]);
    case 'broken': {
      const axes: number[][] = [floor.slice(0, 3), [0, 0.5, 1].map((k) => maxLnL + k * (xHi - xLo) * 0.3), [0, 0.25, 0.5]];
      for (let k = 0; k < spec.breaks; k++) {
        axes.push([0.25, 0.5, 1], [0.25, 0.5, 0.75].map((q) => xLo + q * (xHi - xLo)), [Math.log(0.25), 0]);
      }
      return product(axes);
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
