/**
 * The fitting side of every form, read from its descriptor (src/laws/<form>.ts):
 * the raw parameter names θ in kernel order, θ → the published law, and the
 * default starts. The lower-envelope grid of the asymmetric Chinchilla fit is
 * here because it belongs to that fit, not to the form.
 */

import { fullParamCount, type FitData, type FormName, type ObjectiveSpec } from '../engine/types.js';
import { expandTied, reduceTied } from '../engine/js/tie.js';
import { LAWS, descriptorOf, hoffmannGrid, type Law } from '../laws/index.js';
import { extent, product } from '../laws/start-grid.js';

export { hoffmannGrid, product };

/** Raw parameter names per form, in kernel order. */
export function thetaNames(form: FormName, breaks = 1): string[] {
  return LAWS[form].thetaNames(breaks);
}

/** The raw parameter names the optimiser sees for `spec`: the form's, less a tied one. */
export function specThetaNames(spec: Pick<ObjectiveSpec, 'form' | 'breaks' | 'tie'>): string[] {
  const names = thetaNames(spec.form, spec.breaks);
  return spec.tie ? names.filter((_, j) => j !== spec.tie![0]) : names;
}

/** The law a fitted θ stands for, in the published parameters (a tied θ expanded first). */
export function lawFromTheta(spec: ObjectiveSpec, t: ArrayLike<number>): Law {
  return descriptorOf(spec.form)!.fromTheta(spec, spec.tie ? fullTheta(spec, t) : t);
}

/** The form's full θ from the optimiser's (the same θ without a tie). */
export function fullTheta(spec: ObjectiveSpec, t: ArrayLike<number>): Float64Array {
  if (!spec.tie) return Float64Array.from(t);
  const full = new Float64Array(fullParamCount(spec));
  expandTied(spec.tie, t, full);
  return full;
}

/** Starts of the full θ as the optimiser's: with a tie, each row less its tied entry, repeated rows dropped. */
export function reduceStarts(spec: ObjectiveSpec, rows: Float64Array): Float64Array {
  if (!spec.tie) return rows;
  const n = fullParamCount(spec), seen = new Set<string>(), out: number[] = [];
  for (let k = 0; k < rows.length / n; k++) {
    const r = reduceTied(spec.tie, rows.subarray(k * n, k * n + n));
    const key = r.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    for (const v of r) out.push(v);
  }
  return Float64Array.from(out);
}

/**
 * Default starting points for a form: the fixed grid each form has always had
 * (Hoffmann et al.'s 4,500 for chinchilla, unchanged), and for every other
 * form rows derived from the data first, so that the starts sit where the runs
 * are whatever their units (each form's `startGrid` says how).
 */
export function defaultGrid(spec: ObjectiveSpec, data: FitData): Float64Array {
  return reduceStarts(spec, descriptorOf(spec.form)!.startGrid(spec, data));
}

/**
 * kyo-takano/chinchilla's data-informed 5⁵ grid for lower-envelope fits
 * (github.com/kyo-takano/chinchilla): E from 0.67 to
 * 0.96 of the lowest loss (their 1.4–2.0 on Chinchilla's losses), ln A, ln B ∈
 * [1, 10], α, β ∈ [0.1, 0.7]; rows θ.
 */
export function lowerEnvelopeGrid(data: FitData): Float64Array {
  const [minLnL] = extent(data.lnL);
  const lin = (a: number, b: number) => [0, 1, 2, 3, 4].map((k) => a + ((b - a) * k) / 4);
  return product([lin(1, 10), lin(1, 10), lin(Math.log(0.67), Math.log(0.96)).map((f) => minLnL + f), lin(0.1, 0.7), lin(0.1, 0.7)]);
}
