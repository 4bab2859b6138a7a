// envelope(): Approach 1 on training curves drawn from a known Chinchilla law
// finds the compute-optimal frontier, whose exponent approaches β/(α+β).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { envelope } from '../../../src/core/envelope.js';
import { DataError, OptionError } from '../../../src/errors.js';
import { runsFromArrays } from '../../../src/core/runs.js';

const law = { A: 406.4, B: 410.7, E: 1.69, alpha: 0.34, beta: 0.28 };
const L = (N: number, D: number) => law.E + law.A / N ** law.alpha + law.B / D ** law.beta;

// Training curves: 81 sizes 1e7–1e11 (0.05 decades apart), each with 301
// checkpoints 1e8–1e14 tokens (0.02 decades apart); C = 6ND.
const N: number[] = [], D: number[] = [], loss: number[] = [];
for (let i = 0; i <= 80; i++) {
  for (let j = 0; j <= 300; j++) {
    const n = 10 ** (7 + 0.05 * i), d = 10 ** (8 + 0.02 * j);
    N.push(n), D.push(d), loss.push(L(n, d));
  }
}
const curves = runsFromArrays({ N, D, loss });

// Hoffmann eq. 4: N_opt = G·(C/6)^a, a = β/(α+β), G = (αA/(βB))^(1/(α+β)).
const a = law.beta / (law.alpha + law.beta);
const G = ((law.alpha * law.A) / (law.beta * law.B)) ** (1 / (law.alpha + law.beta));
/** The compute at which N is optimal. */
const computeFor = (n: number) => 6 * (n / G) ** (1 / a);
// Keep to budgets whose optimum lies well inside the sizes trained (1e7.5–1e10.5).
const range: [number, number] = [computeFor(10 ** 7.5), computeFor(10 ** 10.5)];

test('the frontier of noise-free curves follows N_opt ∝ C^(β/(α+β))', () => {
  const r = envelope(curves, { range });
  assert.equal(r.frontier.length, 50);
  assert.ok(Math.abs(r.N.a - a) < 0.005, `a = ${r.N.a}, expected ≈ ${a}`);
  // C = 6ND on every row, so the token exponent is the complement.
  assert.ok(Math.abs(r.D.b - (1 - r.N.a)) < 1e-12, `b = ${r.D.b}`);
  assert.ok(Math.abs(r.N.k / (G / 6 ** a) - 1) < 0.1, `k = ${r.N.k} vs ${G / 6 ** a}`);
  assert.ok(r.N.lo < r.N.a && r.N.a < r.N.hi && r.N.dof === 48);
  // Each frontier size is within one grid step (0.05 decades) of the exact optimum at its C.
  for (const p of r.frontier) {
    assert.ok(Math.abs(Math.log10(p.N / (G * (p.C / 6) ** a))) <= 0.05 + 1e-9, `N = ${p.N} at C = ${p.C}`);
  }
});

test('finer buckets bring the exponent closer', () => {
  const r = envelope(curves, { range, buckets: 200 });
  assert.equal(r.frontier.length, 200);
  assert.ok(Math.abs(r.N.a - a) < 0.002, `a = ${r.N.a}, expected ≈ ${a}`);
});

test('each frontier point is the lowest-loss row of its bucket', () => {
  const r = envelope(curves, { range, buckets: 7 });
  assert.equal(r.edges.length, 8);
  assert.equal(r.edges[0], range[0]);
  assert.equal(r.edges[7], range[1]);
  for (const p of r.frontier) {
    let best = Infinity, count = 0;
    for (let i = 0; i < curves.C.length; i++) {
      const inside = curves.C[i] >= p.lo && (curves.C[i] < p.hi || (p.bucket === 6 && curves.C[i] === p.hi));
      if (inside) (count++, (best = Math.min(best, curves.loss[i])));
    }
    assert.equal(p.loss, best);
    assert.equal(p.candidates, count);
    assert.equal(curves.loss[p.row - 1], p.loss);
  }
});

test('too few frontier points is a data error; bad options name the option', () => {
  const one = runsFromArrays({ N: [1e8, 2e8], C: [1e18, 1e18], loss: [3, 2.9] });
  assert.throws(() => envelope(one), (e: unknown) => e instanceof DataError && e.code === 'too-few-runs');
  const cases: [object, string][] = [
    [{ buckets: 0 }, 'buckets'], [{ buckets: 2.5 }, 'buckets'], [{ range: [1e20, 1e19] }, 'range'],
    [{ range: [0, 1e19] }, 'range'], [{ level: 0 }, 'level'],
  ];
  for (const [options, option] of cases) {
    assert.throws(() => envelope(curves, options as never), (e: unknown) => e instanceof OptionError && e.option === option, JSON.stringify(options));
  }
});
