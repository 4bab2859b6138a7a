// The Huber likelihood with a free scale (src/core/free-scale.ts) against
// Besiroglu et al. 2024's headline estimate on the 240 digitised Chinchilla runs
// (test/fixtures/data, Epoch's rule: drop the five highest losses). Their printed
// result (Epoch's notebook): ln A 6.17796, ln B 7.64273, ln E 0.59711, α 0.347813,
// β 0.365854, ln σ −12.2666. Independent check: scipy 1.17.1 minimising the same
// negative log-likelihood over all six (adaptive Nelder–Mead, then Powell, xtol
// 1e-14): ln A 6.177955976329, ln B 7.642732361285, ln E 0.597111959780,
// α 0.347813029071, β 0.365854117247, ln σ −12.266623903966, value
// −2703.989849350295. (At σ ≈ 5e-6 nearly every residual is in Huber's linear
// part, so this is close to, but not exactly, the least-absolute-deviation
// vertex, ln A 6.17795668: the five residuals at that vertex sit in the
// quadratic part.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fitSync, fit } from '../../../src/core/fit.js';
import { bestLnSigma } from '../../../src/core/free-scale.js';
import { OptionError } from '../../../src/errors.js';

const CSV = readFileSync(new URL('../../fixtures/data/chinchilla-svg-extracted.csv', import.meta.url), 'utf8');
const READ = { columns: { N: 'Model Size', C: 'Training FLOP', loss: 'loss' }, dropHighest: 5 };
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

for (const engine of ['auto', 'js'] as const) {
  test(`scale: 'free' reproduces Epoch's headline estimate to its printed digits (${engine})`, () => {
    const r = fitSync(CSV, { ...READ, scale: 'free', engine, workers: 0 });
    const t = r.theta;
    assert.deepEqual([round(t.a, 5), round(t.b, 5), round(t.e, 5), round(t.alpha, 6), round(t.beta, 6)], [6.17796, 7.64273, 0.59711, 0.347813, 0.365854]);
    assert.equal(round(r.scale!.lnSigma, 4), -12.2666);
    for (const [k, want] of [['a', 6.177955976329], ['b', 7.642732361285], ['e', 0.59711195978], ['alpha', 0.347813029071], ['beta', 0.365854117247]] as const) {
      assert.ok(Math.abs(t[k] - want) < 1e-8, `${k}: ${t[k]}, want ${want}`);
    }
    assert.ok(Math.abs(r.scale!.lnSigma - -12.266623903966) < 1e-7, `ln σ ${r.scale!.lnSigma}`);
    // The likelihood itself (without the normaliser's constant), at least as good as scipy's.
    assert.ok(r.scale!.negLogLikelihood <= -2703.989849350295 + 1e-9, `${r.scale!.negLogLikelihood}`);
    assert.ok(r.diagnostics.some((d) => d.code === 'free-scale'));
    assert.ok(Object.values(r.standardErrors).every(Number.isNaN), 'no curvature standard errors for this estimator');
  });
}

test('fit and fitSync agree with a free scale', async () => {
  const [a, b] = [fitSync(CSV, { ...READ, scale: 'free', engine: 'js' }), await fit(CSV, { ...READ, scale: 'free', engine: 'js' })];
  assert.deepEqual(a.theta, b.theta);
});

test('the best σ for given residuals: hand values in the linear and the quadratic part', () => {
  // Linear part (|r/σ| > δ for all): σ = δ·Σ|r|/n = 1e-3·0.06/3.
  assert.ok(Math.abs(Math.exp(bestLnSigma([0.01, -0.02, 0.03], [1, 1, 1], 1e-3)) - 2e-5) < 1e-18);
  // Quadratic part (|r/σ| ≤ δ for all): Σ r²/σ² = n, σ = √(6/3).
  assert.ok(Math.abs(Math.exp(bestLnSigma([1, -1, 2], [1, 1, 1], 10)) - Math.SQRT2) < 1e-14);
});

test('a free scale belongs to the Huber likelihood: another loss is refused, naming scale', () => {
  assert.throws(() => fitSync(CSV, { ...READ, scale: 'free', loss: 'squared' }), (e: unknown) => e instanceof OptionError && e.option === 'scale');
  assert.throws(() => fitSync(CSV, { ...READ, scale: 'loose' as never }), (e: unknown) => e instanceof OptionError && e.option === 'scale');
});
