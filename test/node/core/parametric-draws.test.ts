// Parametric draws from a bootstrap's covariance (src/core/parametric-draws.ts), checked against an
// independent numpy computation of the same method on the same replicates: numpy's mean and
// np.cov, np.linalg.cholesky, np.random.seed(42) + np.random.normal(size=(10000, 5)) (draw k takes
// row k), θ = mean + L·z, and the compute-optimal split in closed form (Hoffmann et al. 2022,
// Eq. 4: G = (αA/(βB))^(1/(α+β)), N* = G·(C/6)^(β/(α+β)), D* = C/(6N*)), summarised with
// np.median and np.percentile (linear). The numbers below came from that script.
//
//   rows k = 0..99: ln A = 6.2 + 0.3 sin k, ln B = 7.6 + 0.4 cos 1.3k, ln E = 0.6 + 0.02 sin(2.1k + 0.5),
//                   α = 0.35 + 0.02 cos 0.7k, β = 0.37 + 0.025 sin(0.9k + 1)
//   log space: invalid 0; at C = 5.88e23 median D/N 13.016166533432592, 95% (0.3972473958710898,
//              475.5770526927456), median L* 1.967163057224429; at 1e21 median D/N 15.612687295742074
//   raw space: invalid 2 (a negative coefficient); at 5.88e23 median D/N 13.296109139561004,
//              95% (0.33021662029613097, 490.3500801379802)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parametricDraws, cholesky } from '../../../src/core/parametric-draws.js';
import type { BootstrapResult } from '../../../src/core/bootstrap.js';

const near = (got: number, want: number, rel: number, what: string) => assert.ok(Math.abs(got - want) <= rel * Math.abs(want), `${what}: ${got}, want ${want}`);

function replicates(): BootstrapResult {
  const K = 100, col = (f: (k: number) => number) => Float64Array.from({ length: K }, (_, k) => f(k));
  const samples = {
    A: col((k) => Math.exp(6.2 + 0.3 * Math.sin(k))), B: col((k) => Math.exp(7.6 + 0.4 * Math.cos(1.3 * k))),
    E: col((k) => Math.exp(0.6 + 0.02 * Math.sin(2.1 * k + 0.5))), alpha: col((k) => 0.35 + 0.02 * Math.cos(0.7 * k)),
    beta: col((k) => 0.37 + 0.025 * Math.sin(0.9 * k + 1)),
  };
  const params = { A: { estimate: 492.7 }, B: { estimate: 2000 }, E: { estimate: 1.82 }, alpha: { estimate: 0.35 }, beta: { estimate: 0.37 } };
  return { level: 0.95, samples, params } as unknown as BootstrapResult;
}

test('draws in log space match numpy\'s draws of the same normal, budget by budget', () => {
  const r = parametricDraws(replicates(), { budgets: [5.88e23, 1e21] });
  assert.equal(r.draws, 10_000);
  assert.equal(r.invalid, 0);
  assert.equal(r.replicates, 100);
  near(r.mean[0], 6.201137583882348, 1e-13, 'mean ln A');
  near(r.covariance[0][0], 0.04546413042691913, 1e-12, 'var ln A');
  near(r.covariance[3][4], 1.705992293399554e-05, 1e-10, 'cov α β');
  const [big, small] = r.perBudget;
  near(big.tokensPerParam.median, 13.016166533432592, 1e-9, 'median D/N at 5.88e23');
  near(big.tokensPerParam.lo, 0.3972473958710898, 1e-9, 'lo');
  near(big.tokensPerParam.hi, 475.5770526927456, 1e-9, 'hi');
  near(big.loss.median, 1.967163057224429, 1e-9, 'median L*');
  near(small.tokensPerParam.median, 15.612687295742074, 1e-9, 'median D/N at 1e21');
  // The estimate is the bootstrap's own law, planned at each budget.
  assert.ok(Number.isFinite(big.tokensPerParam.estimate!));
});

test('draws in raw space leave out the draws with a non-positive coefficient, and say how many', () => {
  const r = parametricDraws(replicates(), { budgets: [5.88e23], space: 'raw' });
  assert.equal(r.invalid, 2);
  near(r.perBudget[0].tokensPerParam.median, 13.296109139561004, 1e-9, 'median D/N');
  near(r.perBudget[0].tokensPerParam.lo, 0.33021662029613097, 1e-9, 'lo');
  near(r.perBudget[0].tokensPerParam.hi, 490.3500801379802, 1e-9, 'hi');
});

test('the same seed gives the same draws; another seed other draws', () => {
  const a = parametricDraws(replicates(), { budgets: [1e22], draws: 500 }), b = parametricDraws(replicates(), { budgets: [1e22], draws: 500 });
  const c = parametricDraws(replicates(), { budgets: [1e22], draws: 500, seed: 7 });
  assert.deepEqual(a.perBudget, b.perBudget);
  assert.notEqual(a.perBudget[0].tokensPerParam.median, c.perBudget[0].tokensPerParam.median);
});

test('cholesky: L·Lᵀ = S for a positive-definite S; undefined otherwise', () => {
  const S = [[4, 2, 0.4], [2, 5, 1], [0.4, 1, 3]];
  const L = cholesky(S)!;
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) near(L[i].reduce((s, v, k) => s + v * L[j][k], 0) || 1e-300, S[i][j] || 1e-300, 1e-14, `S[${i}][${j}]`);
  assert.equal(cholesky([[1, 2], [2, 1]]), undefined);
});

test('bad options are refused by name, with their limits', () => {
  const boot = replicates();
  assert.throws(() => parametricDraws(boot, { budgets: [1e21], draws: 0 }), /draws/);
  assert.throws(() => parametricDraws(boot, { budgets: [1e21], draws: 2_000_000 }), /1,000,000/);
  assert.throws(() => parametricDraws(boot, { budgets: [1e21], space: 'ln' as never }), /space/);
  assert.throws(() => parametricDraws(boot, { budgets: [] }), /budgets/);
  assert.throws(() => parametricDraws(boot, { budgets: [-1] }), /budgets\[0\]/);
  assert.throws(() => parametricDraws(boot, { budgets: [1e21], drawz: 10 } as never), /drawz/);
  assert.throws(() => parametricDraws(boot, { budgets: [1e21], level: 2 }), /level/);
});
