/**
 * An affine change of variables for L-BFGS, θ = origin + L·z, set for one
 * batch of bootstrap refits. With L = V·Λ^(-1/2) from the Hessian at the
 * estimate (src/core/refit-scaling.ts), the objective seen in z is about
 * equally curved in every direction, so L-BFGS needs a third fewer
 * evaluations to reach the same minimiser. lbfgs and the line search evaluate
 * through `evaluateSolver`, which is the objective itself when no change is
 * set. Mirrors src/engine/js/affine.ts, the same sums in the same order.
 */

import { evaluate } from "../objective";
import { at, put } from "./workspace";

let active = false;
let params: i32 = 0;
let origin: usize = 0; // params values, then L row by row (params × params)
const theta: usize = memory.data(8 * 64);
const grad: usize = memory.data(8 * 64);

/** Uses θ = origin + L·z from now on; `affine` points at origin then L, row-major. */
export function setAffine(affine: usize, n: i32): void {
  active = true;
  origin = affine;
  params = n;
}

export function clearAffine(): void {
  active = false;
}

/** θ = origin + L·z, written to `out`. */
export function toTheta(z: usize, out: usize): void {
  const n = params, L = origin + (<usize>n << 3);
  for (let i: i32 = 0; i < n; i++) {
    let v = at(origin, i);
    for (let k: i32 = 0; k < n; k++) v += at(L, i * n + k) * at(z, k);
    put(out, i, v);
  }
}

/** The objective in the solver's variables: F(θ(z)), and ∇z = Lᵀ·∇θ written to `g`. */
export function evaluateSolver(x: usize, g: usize): f64 {
  if (!active) return evaluate(x, g);
  const n = params, L = origin + (<usize>n << 3);
  toTheta(x, theta);
  const f = evaluate(theta, grad);
  for (let k: i32 = 0; k < n; k++) {
    let v: f64 = 0;
    for (let i: i32 = 0; i < n; i++) v += at(L, i * n + k) * at(grad, i);
    put(g, k, v);
  }
  return f;
}
