/** Stable log-sum-exp of two or three terms with their softmax weights (the chain rule's factors). */

import { exp, log } from "../math/scalar";

/** Softmax weights of the last lse2/lse3 call. */
export let w0: f64 = 0;
export let w1: f64 = 0;
export let w2: f64 = 0;

export function lse2(x: f64, y: f64): f64 {
  const m = max(x, y);
  const ex = exp(x - m), ey = exp(y - m), s = ex + ey;
  w0 = ex / s;
  w1 = ey / s;
  return m + log(s);
}

export function lse3(x: f64, y: f64, z: f64): f64 {
  const m = max(max(x, y), z);
  const ex = exp(x - m), ey = exp(y - m), ez = exp(z - m), s = ex + ey + ez;
  w0 = ex / s;
  w1 = ey / s;
  w2 = ez / s;
  return m + log(s);
}
