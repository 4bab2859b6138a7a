// The synthetic-run generator and the embedded demo dataset: determinism, the
// isoFLOP design, the noise model, CSV round trips, option checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OptionError } from '../../../src/errors.js';
import { readRuns } from '../../../src/core/runs.js';
import { demoCsv, demoRuns } from '../../../src/data/demo.js';
import { generateRuns, normals, runsToCsv, splitmix64 } from '../../../src/data/synthetic.js';

// Epoch AI's headline law (arXiv 2404.10102), written out here independently of the source.
const A = 482.01, B = 2085.43, E = 1.817, alpha = 0.3478, beta = 0.3658;
const law = (N: number, D: number) => E + A / Math.pow(N, alpha) + B / Math.pow(D, beta);
const budgets = [6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21];

const close = (actual: number, expected: number, rel: number, what = '') =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what} ${actual} vs ${expected} (rel ${rel})`);

test('splitmix64 reproduces the published reference outputs for seed 1234567', () => {
  // Reference vector: Rosetta Code, "Pseudo-random numbers/Splitmix64".
  const next = splitmix64(1234567);
  const got = Array.from({ length: 5 }, () => next());
  assert.deepEqual(got, [
    6457827717110365317n, 3203168211198807973n, 9817491932198370423n,
    4593380528125082431n, 16408922859458223821n,
  ]);
});

test('normals have mean ≈ 0 and variance ≈ 1', () => {
  const z = normals(7);
  const n = 20000;
  let s = 0, s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = z();
    s += x;
    s2 += x * x;
  }
  const mean = s / n, variance = s2 / n - mean * mean;
  assert.ok(Math.abs(mean) < 4 / Math.sqrt(n), `mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 0.05, `variance ${variance}`);
});

test('the same seed gives identical runs; a different seed gives different losses', () => {
  const a = generateRuns({ seed: 3 });
  assert.deepEqual(generateRuns({ seed: 3 }), a);
  assert.deepEqual(generateRuns({ seed: 3n }), a);
  const b = generateRuns({ seed: 4 });
  assert.deepEqual(b.N, a.N);
  assert.notDeepEqual(b.loss, a.loss);
});

test('the default design is 9 Chinchilla budgets × 9 sizes over ±1 decade around N*', () => {
  const runs = generateRuns({ sigma: 0 });
  assert.equal(runs.N.length, 81);
  const G = Math.pow((alpha * A) / (beta * B), 1 / (alpha + beta));
  const a = beta / (alpha + beta);
  budgets.forEach((C, b) => {
    const nStar = G * Math.pow(C / 6, a);
    for (let j = 0; j < 9; j++) {
      const i = 9 * b + j;
      assert.equal(runs.C[i], C);
      close(runs.N[i], nStar * Math.pow(10, (j - 4) / 4), 1e-12, `N[${i}]`);
      close(runs.D[i], C / (6 * runs.N[i]), 1e-15, `D[${i}]`);
      close(6 * runs.N[i] * runs.D[i], C, 1e-14, `6ND[${i}]`);
    }
  });
});

test('noise-free losses equal the law exactly (to rounding)', () => {
  const runs = generateRuns({ sigma: 0, budgets: [1e18, 1e22], sizesPerBudget: 5, span: 1.5 });
  assert.equal(runs.N.length, 10);
  runs.N.forEach((N, i) => close(runs.loss[i], law(N, runs.D[i]), 1e-14, `loss[${i}]`));
  const other = { A: 400, B: 400, E: 1.7, alpha: 0.34, beta: 0.28 };
  const custom = generateRuns({ sigma: 0, law: other, sizesPerBudget: 1 });
  custom.N.forEach((N, i) =>
    close(custom.loss[i], 1.7 + 400 / Math.pow(N, 0.34) + 400 / Math.pow(custom.D[i], 0.28), 1e-14));
});

test('noise is log-normal with the requested σ', () => {
  const sigma = 0.05;
  const runs = generateRuns({ sigma, sizesPerBudget: 500, seed: 11 });
  const r = runs.N.map((N, i) => Math.log(runs.loss[i] / law(N, runs.D[i])));
  const mean = r.reduce((s, x) => s + x, 0) / r.length;
  const sd = Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / (r.length - 1));
  assert.ok(Math.abs(mean) < (4 * sigma) / Math.sqrt(r.length), `mean ${mean}`);
  close(sd, sigma, 0.05, 'sd');
});

test('runsToCsv round-trips exactly through readRuns', () => {
  const runs = generateRuns({ seed: 5 });
  const back = readRuns(runsToCsv(runs));
  assert.deepEqual(Array.from(back.N), runs.N);
  assert.deepEqual(Array.from(back.D), runs.D);
  assert.deepEqual(Array.from(back.C), runs.C);
  assert.deepEqual(Array.from(back.loss), runs.loss);
  assert.equal(runsToCsv(runs).split('\n')[0], 'N,D,C,loss');
});

test('bad generator options throw an OptionError naming the option', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ sigma: -0.1 }, 'sigma'], [{ sigma: NaN }, 'sigma'], [{ sizesPerBudget: 0 }, 'sizesPerBudget'],
    [{ sizesPerBudget: 2.5 }, 'sizesPerBudget'], [{ span: -1 }, 'span'], [{ budgets: [] }, 'budgets'],
    [{ budgets: [1e19, -1] }, 'budgets'], [{ seed: 1.5 }, 'seed'], [{ offset: Infinity }, 'offset'],
    [{ law: { A: 1, B: 1, E: 1, alpha: 0, beta: 1 } }, 'law.alpha'],
  ];
  for (const [options, option] of cases) {
    assert.throws(() => generateRuns(options as never), (e: unknown) => e instanceof OptionError && e.option === option,
      JSON.stringify(options));
  }
  assert.equal(generateRuns({ sigma: undefined }).N.length, 81);
});

test('the demo dataset is 81 validated runs near Epoch\'s law, the same on every call', () => {
  const runs = demoRuns();
  assert.equal(runs.N.length, 81);
  assert.equal(runs.derivedD, false);
  assert.deepEqual({ ...runs.columns }, { N: 'N', D: 'D', C: 'C', loss: 'loss' });
  assert.deepEqual(demoRuns(), runs);
  for (let i = 0; i < 81; i++) {
    assert.ok(Math.abs(Math.log(runs.loss[i] / law(runs.N[i], runs.D[i]))) < 5 * 0.01, `run ${i}`);
  }
  const fromCsv = readRuns(demoCsv());
  assert.deepEqual(Array.from(fromCsv.loss), Array.from(runs.loss));
  assert.deepEqual(Array.from(fromCsv.N), Array.from(runs.N));
});
