// predict and computeOptimal against the worked values of docs/laws.md and
// issue #2 (our arithmetic from the published constants, not from this code).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeOptimal, predict } from '../../../src/core/law.js';
import { OptionError } from '../../../src/errors.js';

const near = (got: number, want: number, rtol: number, what: string) =>
  assert.ok(Math.abs(got - want) <= rtol * Math.abs(want), `${what}: ${got}, expected ≈ ${want}`);

test('Hoffmann rounded constants at Gopher compute: G ≈ 1.345, N* ≈ 32.2B, D* ≈ 2.98T', () => {
  const o = computeOptimal({ A: 406.4, B: 410.7, E: 1.69, alpha: 0.34, beta: 0.28 }, 5.76e23);
  near(o.G, 1.345, 5e-4, 'G');
  near(o.N, 32.2e9, 2e-3, 'N*');
  near(o.D, 2.98e12, 2e-3, 'D*');
  near(o.a, 0.4516, 2e-4, 'a');
  near(o.tokensPerParam, 92.6, 1e-3, 'D/N');
  near(6 * o.N * o.D, 5.76e23, 1e-12, 'C = 6ND');
});

test("Epoch's constants at Gopher compute: G ≈ 0.1196, N* ≈ 72.3B, D* ≈ 1.33T", () => {
  const o = computeOptimal({ A: 482.01, B: 2085.43, E: 1.817, alpha: 0.3478, beta: 0.3658 }, 5.76e23);
  near(o.G, 0.1196, 5e-4, 'G');
  near(o.N, 72.3e9, 2e-3, 'N*');
  near(o.D, 1.33e12, 4e-3, 'D*');
  near(o.tokensPerParam, 18.4, 3e-3, 'D/N');
});

test('the optimum is a minimum of the loss along C = 6ND', () => {
  const params = { A: 482.01, B: 2085.43, E: 1.817, alpha: 0.3478, beta: 0.3658 };
  const C = 1e22, o = computeOptimal(params, C);
  for (const f of [0.9, 1.1]) {
    const N = o.N * f;
    assert.ok(predict(params, N, C / (6 * N)) > o.loss, `N* × ${f}`);
  }
  near(o.loss, predict(params, o.N, o.D), 1e-15, 'loss at the optimum');
});

test('predict is E + A/N^α + B/D^β', () => {
  assert.equal(predict({ A: 400, B: 400, E: 1.5, alpha: 0.5, beta: 0.5 }, 1e4, 1e6), 1.5 + 4 + 0.4);
});

test('computeOptimal names bad inputs', () => {
  const good = { A: 406.4, B: 410.7, E: 1.69, alpha: 0.34, beta: 0.28 };
  const bad: [unknown, number, string][] = [
    [{ ...good, A: -1 }, 1e23, 'params.A'], [{ ...good, alpha: Number.NaN }, 1e23, 'params.alpha'],
    [{ ...good, E: -0.1 }, 1e23, 'params.E'], [good, 0, 'C'], [good, Number.POSITIVE_INFINITY, 'C'], [null, 1e23, 'params'],
  ];
  for (const [p, C, option] of bad) {
    assert.throws(() => computeOptimal(p as never, C), (e: unknown) => e instanceof OptionError && e.option === option, option);
  }
});
