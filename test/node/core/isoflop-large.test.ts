// isoflop() on a budget of 200,000 runs: Math.min(...x) over a budget's runs
// threw "RangeError: Maximum call stack size exceeded" past ~130k of them.
// The result must be the analysis, vertex and all, not a stack overflow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoflop } from '../../../src/core/isoflop.js';
import { runsFromArrays } from '../../../src/core/runs.js';

/** Runs on an exact parabola in log10 N about N* = √(C/120) (20 tokens per parameter), sizes spanning ±1 decade. */
function budget(C: number, n: number): { N: number[]; C: number[]; loss: number[] } {
  const opt = Math.log10(Math.sqrt(C / 120));
  const N: number[] = [], loss: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = opt - 1 + (2 * i) / (n - 1);
    N.push(10 ** x);
    loss.push(2 + 0.1 * (x - opt) ** 2);
  }
  return { N, C: N.map(() => C), loss };
}

test('isoflop analyses a budget of 200,000 runs without a RangeError', () => {
  const parts = [budget(1e19, 9), budget(1e20, 200_000), budget(1e21, 9)];
  const runs = runsFromArrays({
    N: parts.flatMap((p) => p.N), C: parts.flatMap((p) => p.C), loss: parts.flatMap((p) => p.loss),
  });
  const r = isoflop(runs);
  assert.deepEqual(r.budgets.map((b) => b.points), [9, 200_000, 9]);
  const big = r.budgets[1];
  assert.equal(big.accepted, true);
  const opt = Math.sqrt(1e20 / 120);
  assert.ok(Math.abs(big.N / opt - 1) < 1e-6, `N* ${big.N} vs ${opt}`);
  assert.ok(Math.abs(big.Nmin / (opt / 10) - 1) < 1e-9 && Math.abs(big.Nmax / (opt * 10) - 1) < 1e-9, `sampled ${big.Nmin}–${big.Nmax}`);
  assert.ok(Math.abs(r.N.a - 0.5) < 1e-6, `a = ${r.N.a}`);
});
