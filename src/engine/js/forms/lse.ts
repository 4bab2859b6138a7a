/** Stable log-sum-exp of two or three terms with their softmax weights (the chain rule's factors). */

/** ln(e^x + e^y); writes the weights e^x/S, e^y/S into w[0..1]. */
export function lse2(x: number, y: number, w: Float64Array): number {
  const m = Math.max(x, y);
  const ex = Math.exp(x - m), ey = Math.exp(y - m), s = ex + ey;
  w[0] = ex / s;
  w[1] = ey / s;
  return m + Math.log(s);
}

/** ln(e^x + e^y + e^z); writes the three weights into w[0..2]. */
export function lse3(x: number, y: number, z: number, w: Float64Array): number {
  const m = Math.max(x, y, z);
  const ex = Math.exp(x - m), ey = Math.exp(y - m), ez = Math.exp(z - m), s = ex + ey + ez;
  w[0] = ex / s;
  w[1] = ey / s;
  w[2] = ez / s;
  return m + Math.log(s);
}

/** ln(1 + e^z) without overflow or loss of small values. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
