/** Stable log-sum-exp of two or three terms with their softmax weights (the chain rule's factors). */

/** Softmax weights of the last lse2/lse3 call. */
export let w0: f64 = 0;
export let w1: f64 = 0;
export let w2: f64 = 0;

export function lse2(x: f64, y: f64): f64 {
  const m = max(x, y);
  const ex = Math.exp(x - m), ey = Math.exp(y - m), s = ex + ey;
  w0 = ex / s;
  w1 = ey / s;
  return m + Math.log(s);
}

export function lse3(x: f64, y: f64, z: f64): f64 {
  const m = max(max(x, y), z);
  const ex = Math.exp(x - m), ey = Math.exp(y - m), ez = Math.exp(z - m), s = ex + ey + ez;
  w0 = ex / s;
  w1 = ey / s;
  w2 = ez / s;
  return m + Math.log(s);
}

/** ln(1 + e^z) without overflow or loss of small values. */
export function softplus(z: f64): f64 {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

export function sigmoid(z: f64): f64 {
  return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
}
