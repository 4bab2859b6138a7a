/**
 * An affine change of variables for L-BFGS, θ = origin + L·z (bootstrap
 * refits; src/core/refit-scaling.ts makes L). The same sums in the same order
 * as assembly/solve/affine.ts, so both engines walk the same path.
 */

import type { Objective } from './workspace.js';

/** θ = origin + L·z into `out`; `affine` holds origin (P values) then L row by row. */
export function affineTheta(affine: Float64Array, P: number, z: ArrayLike<number>, out: Float64Array): void {
  for (let i = 0; i < P; i++) {
    let v = affine[i];
    for (let k = 0; k < P; k++) v += affine[P + i * P + k] * z[k];
    out[i] = v;
  }
}

/** `fn` seen in z: F(θ(z)), with ∇z = Lᵀ·∇θ. */
export function affineObjective(fn: Objective, affine: Float64Array, P: number): Objective {
  const theta = new Float64Array(P), grad = new Float64Array(P);
  return (z, g) => {
    affineTheta(affine, P, z, theta);
    const f = fn(theta, grad);
    for (let k = 0; k < P; k++) {
      let v = 0;
      for (let i = 0; i < P; i++) v += affine[P + i * P + k] * grad[i];
      g[k] = v;
    }
    return f;
  };
}
