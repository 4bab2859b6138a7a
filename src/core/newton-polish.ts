/**
 * The last steps to the optimum: Newton's method on the gradient.
 *
 * L-BFGS stops where the objective no longer decreases in floating point.
 * Near a smooth minimum the objective is flat to second order, so "no
 * further decrease" leaves θ anywhere within about √ε (1e-8 relative) of
 * the minimiser: two polishes from different starts agree in the objective
 * to 1e-15 but in the parameters only to ~1e-8. The gradient, in contrast,
 * is first order at the minimum and is computed to near ε, so a few Newton
 * steps, H·δ = −∇F with H from central differences of the analytic gradient
 * (curvature.ts), put θ where ∇F vanishes, the same point from any start in
 * the basin. Directions the data do not determine (eigenvalues below
 * 1e-12 of the largest) are left alone: there is no minimiser to find along
 * them. A step is kept only while it shrinks the gradient.
 */

import { objective } from '../engine/js/objective.js';
import type { FitData, ObjectiveSpec } from '../engine/types.js';
import { hessian, symmetricEigen } from './curvature.js';

/** At most this many Newton steps: from L-BFGS's end each gains many digits, so three or four suffice. */
const MAX_STEPS = 6;
/** Eigenvalues of H below this fraction of the largest are treated as flat (no step along them). */
const FLAT = 1e-12;
/** How far a step may raise the objective (relative): its rounding, not more. */
const ROUNDING = 1e-14;

const maxAbs = (v: Float64Array) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

/** θ moved by Newton steps until the gradient stops shrinking; `theta` itself is not changed. */
export function newtonPolish(spec: ObjectiveSpec, data: FitData, theta: Float64Array): Float64Array {
  const P = theta.length;
  let x = Float64Array.from(theta);
  const g = new Float64Array(P), gNext = new Float64Array(P);
  const f0 = objective(data, spec, x, g);
  if (!Number.isFinite(f0)) return x;
  let size = maxAbs(g), fCurrent = f0;
  for (let step = 0; step < MAX_STEPS && size > 0; step++) {
    const { values, vectors } = symmetricEigen(hessian(spec, data, x), P);
    const top = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    if (!(top > 0) || !Number.isFinite(top)) break;
    // δ = −Σ (vₖ·g / λₖ) vₖ over the curved directions (λₖ > 0: a minimum along them).
    const delta = new Float64Array(P);
    for (let k = 0; k < P; k++) {
      const lambda = values[k];
      if (!(lambda > FLAT * top)) continue;
      let along = 0;
      for (let i = 0; i < P; i++) along += vectors[i * P + k] * g[i];
      for (let i = 0; i < P; i++) delta[i] -= (along / lambda) * vectors[i * P + k];
    }
    const next = x.map((v, i) => v + delta[i]);
    const f = objective(data, spec, next, gNext);
    const nextSize = maxAbs(gNext);
    // Kept only while the gradient shrinks and the objective does not rise past its rounding (a sum of a few
    // hundred terms is exact to a few 1e-15): a step along a nearly flat direction must not trade loss for gradient.
    if (!Number.isFinite(f) || !(nextSize < size) || f > fCurrent + ROUNDING * Math.abs(fCurrent)) break;
    fCurrent = f;
    x = next;
    g.set(gNext);
    size = nextSize;
  }
  return x;
}
