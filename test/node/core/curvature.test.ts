// Standard errors from the curvature, against a hand derivation. The power law
// with squared log residuals is ordinary least squares of ln L on ln x in
// disguise (ln L = c0 + c1·ln x with c1 = −α, c0 = α·ln x_c), so the sandwich
// must equal White's HC0 covariance of (c0, c1), (XᵀX)⁻¹ Xᵀdiag(e²)X (XᵀX)⁻¹,
// carried to (ln x_c, α) by the delta method. Computed here with plain 2×2
// algebra, not with the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitSync } from '../../../src/core/fit.js';
import { runsFromArrays } from '../../../src/core/runs.js';
import { symmetricEigen } from '../../../src/core/curvature.js';

const x = Array.from({ length: 25 }, (_, k) => 1e7 * 1.4 ** k);
const loss = x.map((v, k) => (2e9 / v) ** 0.08 * (1 + 0.01 * Math.sin(3.7 * k) + 0.004 * Math.cos(11 * k)));

function hc0(): { lnXc: number; alpha: number } {
  const u = x.map(Math.log), y = loss.map(Math.log), n = u.length;
  const su = u.reduce((a, b) => a + b, 0), suu = u.reduce((a, b) => a + b * b, 0);
  const sy = y.reduce((a, b) => a + b, 0), suy = u.reduce((a, b, i) => a + b * y[i], 0);
  const det = n * suu - su * su;
  const inv = [[suu / det, -su / det], [-su / det, n / det]]; // (XᵀX)⁻¹
  const c0 = inv[0][0] * sy + inv[0][1] * suy, c1 = inv[1][0] * sy + inv[1][1] * suy;
  const e2 = y.map((yi, i) => (yi - c0 - c1 * u[i]) ** 2);
  const meat = [[0, 0], [0, 0]];
  for (let i = 0; i < n; i++) {
    const r = [1, u[i]];
    for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) meat[a][b] += e2[i] * r[a] * r[b];
  }
  const mul = (A: number[][], B: number[][]) => A.map((row) => [0, 1].map((j) => row[0] * B[0][j] + row[1] * B[1][j]));
  const V = mul(mul(inv, meat), inv);
  const J = [[-1 / c1, c0 / (c1 * c1)], [0, -1]]; // ∂(ln x_c, α)/∂(c0, c1)
  const W = mul(mul(J, V), [[J[0][0], J[1][0]], [J[0][1], J[1][1]]]);
  return { lnXc: Math.sqrt(W[0][0]), alpha: Math.sqrt(W[1][1]) };
}

test('power law, squared log residuals: sandwich standard errors equal OLS HC0 through the delta method', () => {
  const runs = runsFromArrays({ N: x, D: x.map((v) => 20 * v), loss });
  const want = hc0();
  for (const engine of ['js', 'scalar'] as const) {
    const r = fitSync(runs, { form: 'power', loss: 'squared', engine, strategy: 'exact' });
    for (const k of ['lnXc', 'alpha'] as const) {
      assert.ok(Math.abs(r.standardErrors[k] / want[k] - 1) < 1e-5, `${engine} ${k}: ${r.standardErrors[k]} vs ${want[k]}`);
    }
  }
});

test('symmetricEigen: a matrix with known eigenvalues', () => {
  // Q·diag(1, 4, 9)·Qᵀ with Q a rotation: eigenvalues 1, 4, 9.
  const c = Math.cos(0.3), s = Math.sin(0.3);
  const Q = [[c, -s, 0], [s, c, 0], [0, 0, 1]], L = [1, 4, 9];
  const M = new Float64Array(9);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) M[i * 3 + j] += Q[i][k] * L[k] * Q[j][k];
  const values = Array.from(symmetricEigen(M, 3).values).sort((a, b) => a - b);
  values.forEach((v, i) => assert.ok(Math.abs(v - L[i]) < 1e-12, `${v} vs ${L[i]}`));
});
