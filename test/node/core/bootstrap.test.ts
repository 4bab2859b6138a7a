// The bootstrap driver with a fake refit whose answer is known exactly: θ is a
// fixed base plus the weighted mean of per-run columns, so the bootstrap
// distribution is that of resample means. The same model, bootstrapped with
// numpy's draws, is in test/fixtures/numpy-draws.json (scripts/fixtures/numpy_draws.py).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { bootstrapChinchilla, CORRELATION_KEYS, type BootstrapOptions, type BootstrapRefit, type Interval } from '../../../src/core/bootstrap.js';
import { computeOptimal, predict } from '../../../src/core/law.js';
import { indicesToWeights } from '../../../src/stats/resample.js';
import { percentileInterval } from '../../../src/stats/intervals.js';
import { OptionError, ScalingKitError } from '../../../src/errors.js';
import type { Runs } from '../../../src/core/runs-types.js';

interface Summary { lo: number; hi: number; median: number; sd: number }
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/numpy-draws.json', import.meta.url), 'utf8')) as {
  lemire: { calls: { n: number; values: number[] }[] };
  bootstrap: {
    seed: number; resamples: number; level: number; base: number[];
    params: Record<'A' | 'B' | 'E' | 'alpha' | 'beta', Summary>;
    derived: {
      a: Summary; b: Summary; G: Summary;
      budget: { C: number; N: Summary; D: Summary; tokensPerParam: Summary };
      loss: Summary & { N: number; D: number };
    };
    correlationTheta: number[][];
    alphaEvery10thFailed: Summary & { failed: number };
    level80: { alpha: number[]; A: number[] };
  };
};
const ref = fixture.bootstrap;

const RUNS = 240;
const runs: Runs = {
  N: new Float64Array(RUNS).fill(1e9),
  D: new Float64Array(RUNS).fill(2e10),
  loss: new Float64Array(RUNS).fill(2.5),
  C: new Float64Array(RUNS).fill(1.2e20),
  rows: Int32Array.from({ length: RUNS }, (_, i) => i + 1),
  columns: { N: 'N', D: 'D', loss: 'loss' },
  derivedD: false,
};
// Dyadic per-run columns, as in the fixture script: every mean is exact up to one rounding.
const COLUMNS = [[37, 101, 64], [53, 89, 128], [11, 17, 256], [29, 31, 1024], [7, 13, 1024]].map(([m, p, d]) =>
  Float64Array.from({ length: RUNS }, (_, i) => ((i * m) % p) / d),
);
const start = { a: ref.base[0], b: ref.base[1], e: ref.base[2], alpha: ref.base[3], beta: ref.base[4] };

/** θ = start + weighted mean of the columns; `fail(k)` marks global replicate k as not converged. */
function meanRefit(log: { sizes: number[]; starts: Float64Array[] } = { sizes: [], starts: [] }, fail = (_k: number) => false): BootstrapRefit {
  let seen = 0;
  return async (weights, s) => {
    log.sizes.push(weights.length);
    log.starts.push(s);
    const theta = weights.map((w) => {
      let total = 0;
      for (let i = 0; i < w.length; i++) total += w[i];
      return Float64Array.from(COLUMNS, (col, j) => {
        let sum = 0;
        for (let i = 0; i < w.length; i++) sum += w[i] * col[i];
        return s[j] + sum / total;
      });
    });
    const converged = weights.map(() => !fail(seen++));
    return { theta, converged };
  };
}

const base = (over: Partial<BootstrapOptions> = {}): BootstrapOptions => ({
  runs, start, refit: meanRefit(), rng: 'numpy', seed: ref.seed, resamples: ref.resamples, level: ref.level, ...over,
});
const close = (got: number, want: number, rtol: number, what: string) =>
  assert.ok(Math.abs(got - want) <= rtol * Math.abs(want), `${what}: ${got}, expected ${want}`);
const sameSummary = (got: Interval, want: Summary, rtol: number, what: string) => {
  for (const k of ['lo', 'hi', 'median', 'sd'] as const) close(got[k], want[k], k === 'sd' ? 1e-9 : rtol, `${what}.${k}`);
};
const optionError = (option: string) => (e: unknown) => e instanceof OptionError && e.option === option;

test("numpy mode reproduces numpy's bootstrap of the mean model: intervals, sd, derived quantities, correlation", async () => {
  const r = await bootstrapChinchilla(base({ budgets: [ref.derived.budget.C], at: [{ N: ref.derived.loss.N, D: ref.derived.loss.D }] }));
  assert.equal(r.resamples, 4000);
  assert.equal(r.failed, 0);
  assert.equal(r.rng, 'numpy');
  // α and β are exact means, so their percentiles agree to the bit; A, B, E go through exp.
  assert.equal(r.params.alpha.lo, ref.params.alpha.lo);
  assert.equal(r.params.beta.hi, ref.params.beta.hi);
  for (const k of ['A', 'B', 'E', 'alpha', 'beta'] as const) sameSummary(r.params[k], ref.params[k], 1e-14, k);
  for (const k of ['a', 'b', 'G'] as const) sameSummary(r.derived[k], ref.derived[k], 1e-12, k);
  const budget = r.derived.perBudget[0];
  assert.equal(budget.C, ref.derived.budget.C);
  for (const k of ['N', 'D', 'tokensPerParam'] as const) sameSummary(budget[k], ref.derived.budget[k], 1e-12, `budget.${k}`);
  sameSummary(r.derived.loss[0], ref.derived.loss, 1e-14, 'loss');
  assert.deepEqual(CORRELATION_KEYS, ['a', 'b', 'e', 'alpha', 'beta']);
  ref.correlationTheta.forEach((row, i) => row.forEach((c, j) => assert.ok(Math.abs(r.correlation[i][j] - c) < 1e-12, `r[${i}][${j}]`)));
  assert.equal(r.samples.alpha.length, 4000);
});

test('a level of 0.8 gives the 10th and 90th percentiles', async () => {
  const r = await bootstrapChinchilla(base({ level: 0.8 }));
  assert.deepEqual([r.params.alpha.lo, r.params.alpha.hi], ref.level80.alpha);
  close(r.params.A.lo, ref.level80.A[0], 1e-14, 'A.lo');
  close(r.params.A.hi, ref.level80.A[1], 1e-14, 'A.hi');
});

test('failed replicates are NaN in samples, counted, and left out of every interval', async () => {
  const r = await bootstrapChinchilla(base({ refit: meanRefit(undefined, (k) => k % 10 === 9) }));
  assert.equal(r.failed, ref.alphaEvery10thFailed.failed);
  sameSummary(r.params.alpha, ref.alphaEvery10thFailed, 0, 'alpha');
  assert.ok(Number.isNaN(r.samples.A[9]), 'replicate 10 failed');
  assert.ok(Number.isFinite(r.derived.a.lo));
  assert.ok(!Number.isNaN(r.samples.A[8]));
});

test('non-finite θ and parameters the law cannot use (α ≤ 0) count as failed', async () => {
  let call = 0;
  const refit: BootstrapRefit = async (weights) => {
    const theta = weights.map((_, j) => {
      const k = call * 4 + j;
      return Float64Array.from([6, 7, 0.5, k === 1 ? -0.1 : 0.3 + k / 100, k === 2 ? NaN : 0.3]);
    });
    call++;
    return { theta, converged: weights.map(() => true) };
  };
  const r = await bootstrapChinchilla(base({ refit, resamples: 10, batchSize: 4 }));
  assert.equal(r.failed, 2);
  assert.ok(Number.isNaN(r.samples.alpha[1]) && Number.isNaN(r.samples.beta[2]));
  assert.deepEqual([r.params.alpha.lo, r.params.alpha.hi], percentileInterval([0, 3, 4, 5, 6, 7, 8, 9].map((k) => 0.3 + k / 100), 0.95));
});

test('every replicate failing gives NaN intervals, not an exception', async () => {
  const r = await bootstrapChinchilla(base({ resamples: 5, refit: meanRefit(undefined, () => true) }));
  assert.equal(r.failed, 5);
  assert.ok(Number.isNaN(r.params.A.lo) && Number.isNaN(r.derived.a.hi) && Number.isNaN(r.correlation[0][1]));
});

test('batches: refit sees batchSize replicates at a time, progress follows each batch, start is θ₀ afresh', async () => {
  const log = { sizes: [] as number[], starts: [] as Float64Array[] };
  const progress: [number, number][] = [];
  await bootstrapChinchilla(base({ refit: meanRefit(log), resamples: 1000, batchSize: 300, onProgress: (d, t) => progress.push([d, t]) }));
  assert.deepEqual(log.sizes, [300, 300, 300, 100]);
  assert.deepEqual(progress, [[300, 1000], [600, 1000], [900, 1000], [1000, 1000]]);
  for (const s of log.starts) assert.deepEqual(Array.from(s), ref.base);
  assert.notEqual(log.starts[0], log.starts[1]);
});

test("the weights of replicate 1 count the default generator's draws (numpy Generator.integers)", async () => {
  let first: Float64Array | undefined;
  const inner = meanRefit();
  await bootstrapChinchilla(base({ rng: 'default', seed: 42, resamples: 1, refit: (w, s) => ((first = w[0]), inner(w, s)) }));
  assert.deepEqual(first, indicesToWeights(fixture.lemire.calls[0].values, RUNS));
  assert.equal(first!.reduce((a, b) => a + b, 0), RUNS);
});

test("the default rng is 'default', seeded 42, deterministic, and draws other resamples than numpy's", async () => {
  const a = await bootstrapChinchilla({ runs, start, refit: meanRefit(), resamples: 200 });
  const b = await bootstrapChinchilla({ runs, start, refit: meanRefit(), resamples: 200, rng: 'default', seed: 42 });
  const c = await bootstrapChinchilla(base({ resamples: 200 }));
  assert.equal(a.rng, 'default');
  assert.equal(a.seed, 42);
  assert.equal(a.level, 0.95);
  assert.deepEqual(a.samples.alpha, b.samples.alpha);
  assert.notDeepEqual(a.samples.alpha, c.samples.alpha);
});

test('estimate is reported beside each interval, derived ones through computeOptimal and predict', async () => {
  const estimate = { a: 6.2, b: 7.6, e: 0.6, alpha: 0.35, beta: 0.37 };
  const at = { N: 7e10, D: 1.4e12 };
  const r = await bootstrapChinchilla(base({ resamples: 50, estimate, budgets: [1e22], at: [at] }));
  const p = { A: Math.exp(6.2), B: Math.exp(7.6), E: Math.exp(0.6), alpha: 0.35, beta: 0.37 };
  assert.equal(r.params.A.estimate, p.A);
  assert.equal(r.params.beta.estimate, 0.37);
  const o = computeOptimal(p, 1e22);
  assert.equal(r.derived.a.estimate, o.a);
  assert.equal(r.derived.G.estimate, o.G);
  assert.equal(r.derived.perBudget[0].tokensPerParam.estimate, o.tokensPerParam);
  assert.equal(r.derived.loss[0].estimate, predict(p, at.N, at.D));
  assert.equal(r.params.A.lo < r.params.A.hi, true);
});

test('an abort after the first batch rejects with the signal\'s reason and stops refitting', async () => {
  const controller = new AbortController();
  const reason = new Error('stop');
  const log = { sizes: [] as number[], starts: [] as Float64Array[] };
  await assert.rejects(
    bootstrapChinchilla(base({ refit: meanRefit(log), batchSize: 100, signal: controller.signal, onProgress: () => controller.abort(reason) })),
    (e) => e === reason,
  );
  assert.deepEqual(log.sizes, [100]);
});

test('an abort during a refit, or before the start, rejects with the reason', async () => {
  const controller = new AbortController();
  const inner = meanRefit();
  const refit: BootstrapRefit = (w, s) => (controller.abort('cancelled by test'), inner(w, s));
  await assert.rejects(bootstrapChinchilla(base({ refit, signal: controller.signal })), (e) => e === 'cancelled by test');
  let called = false;
  await assert.rejects(
    bootstrapChinchilla(base({ refit: async (w, s) => ((called = true), inner(w, s)), signal: AbortSignal.abort('early') })),
    (e) => e === 'early',
  );
  assert.equal(called, false);
});

test('a refit that answers for the wrong number of replicates is an engine error', async () => {
  const refit: BootstrapRefit = async (w) => ({ theta: [new Float64Array(5)], converged: w.map(() => true) });
  await assert.rejects(bootstrapChinchilla(base({ refit, batchSize: 2 })), (e) => e instanceof ScalingKitError && e.code === 'engine');
  const short: BootstrapRefit = async (w) => ({ theta: w.map(() => new Float64Array(4)), converged: w.map(() => true) });
  await assert.rejects(bootstrapChinchilla(base({ refit: short })), (e) => e instanceof ScalingKitError && e.code === 'engine');
});

test('options are validated up front with errors that name them', async () => {
  const bad: [Partial<BootstrapOptions>, string][] = [
    [{ resamples: 0 }, 'resamples'], [{ resamples: 1.5 }, 'resamples'],
    [{ level: 0 }, 'level'], [{ level: 1 }, 'level'], [{ level: 95 }, 'level'],
    [{ seed: -1 }, 'seed'], [{ seed: 2 ** 32 }, 'seed'], [{ seed: 4.2 }, 'seed'],
    [{ rng: 'python' as 'numpy' }, 'rng'], [{ batchSize: 0 }, 'batchSize'],
    [{ start: { ...start, alpha: NaN } }, 'start.alpha'], [{ start: undefined as never }, 'start'],
    [{ estimate: { ...start, beta: -1 } }, 'estimate'],
    [{ budgets: [1e21, -5] }, 'budgets[1]'], [{ at: [{ N: 1e9, D: 0 }] }, 'at[0].D'],
    [{ refit: undefined as never }, 'refit'], [{ runs: { N: new Float64Array(0) } as unknown as Runs }, 'runs'],
    [{ onProgress: 3 as never }, 'onProgress'],
  ];
  for (const [over, option] of bad) await assert.rejects(bootstrapChinchilla(base(over)), optionError(option), option);
  assert.equal((await bootstrapChinchilla(base({ seed: 2 ** 32 - 1, resamples: 3 }))).seed, 2 ** 32 - 1);
});
