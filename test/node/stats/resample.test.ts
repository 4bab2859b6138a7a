// Resampling and summaries against the real numpy (test/fixtures/numpy-draws.json,
// made by scripts/fixtures/numpy_draws.py): np.random.choice draws, np.percentile,
// np.std and np.corrcoef.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createResampler, indicesToWeights, numpyChoiceIndices } from '../../../src/stats/resample.js';
import { correlationMatrix, countNaN, mean, percentile, percentileInterval, percentileOfSorted, standardDeviation } from '../../../src/stats/intervals.js';
import { OptionError } from '../../../src/errors.js';

interface PercentileCase {
  name: string;
  values: (number | null)[];
  q: number[];
  want: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/numpy-draws.json', import.meta.url), 'utf8')) as {
  choice42: {
    n: number; size: number; count: number; first3: number[][];
    last: { head: number[]; tail: number[] }; sum: number; weightedSum: number;
  };
  lemire: { seed: number; calls: { n: number; k: number; values: number[] }[] };
  percentile: { cases: PercentileCase[]; nan: PercentileCase };
  moments: { values: number[]; mean: number; sd: number };
  corrcoef: { samples: number[][]; want: number[][] };
};

const optionError = (option: string) => (e: unknown) => e instanceof OptionError && e.option === option;
const close = (got: number, want: number, tol: number, what: string) =>
  assert.ok(Math.abs(got - want) <= tol * Math.max(1, Math.abs(want)), `${what}: ${got}, expected ${want}`);

test("numpyChoiceIndices(42, 240, 240, 4000) is Epoch's np.random.seed(42) + 4,000 × choice(240, 240)", () => {
  const { n, size, count, first3, last, sum, weightedSum } = fixture.choice42;
  const all = numpyChoiceIndices(42, n, size, count);
  assert.equal(all.length, size * count);
  first3.forEach((want, k) => assert.deepEqual(Array.from(all.subarray(k * size, (k + 1) * size)), want, `draw ${k + 1}`));
  const lastDraw = Array.from(all.subarray((count - 1) * size));
  assert.deepEqual(lastDraw.slice(0, 20), last.head);
  assert.deepEqual(lastDraw.slice(-20), last.tail);
  let s = 0, ws = 0;
  all.forEach((v, t) => ((s += v), (ws += (t + 1) * v)));
  assert.equal(s, sum);
  assert.equal(ws, weightedSum);
});

test("createResampler('numpy') streams the same replicates as numpyChoiceIndices", () => {
  const next = createResampler('numpy', 42, 240);
  const all = numpyChoiceIndices(42, 240, 240, 3);
  for (let k = 0; k < 3; k++) assert.deepEqual(next(), all.subarray(k * 240, (k + 1) * 240));
});

test("createResampler('default') draws numpy Generator.integers(0, n) on a legacy-seeded MT19937", () => {
  const [first, second] = fixture.lemire.calls;
  const next = createResampler('default', fixture.lemire.seed, first.n, first.k);
  assert.deepEqual(Array.from(next()), first.values);
  assert.deepEqual(Array.from(next(new Int32Array(second.k))), second.values);
});

test('createResampler refuses unknown generators, sizes and seeds by name', () => {
  assert.throws(() => createResampler('python' as 'numpy', 1, 10), optionError('rng'));
  assert.throws(() => createResampler('numpy', 1, 0), optionError('n'));
  assert.throws(() => createResampler('numpy', 1, 10, -1), optionError('size'));
  assert.throws(() => createResampler('default', 2 ** 32, 10), optionError('seed'));
  assert.throws(() => createResampler('numpy', 1, 10)(new Int32Array(3)), optionError('out'));
  assert.throws(() => numpyChoiceIndices(1, 10, 10, -1), optionError('count'));
});

test('indicesToWeights counts draws: run 7 drawn 3 times has weight 3, undrawn runs 0', () => {
  assert.deepEqual(Array.from(indicesToWeights([7, 2, 7, 0, 7], 9)), [1, 0, 1, 0, 0, 0, 0, 3, 0]);
  assert.throws(() => indicesToWeights([9], 9), optionError('indices[0]'));
  assert.throws(() => indicesToWeights([1], 3, new Float64Array(2)), optionError('out'));
});

test('a weighted sum with the weights equals the sum over the drawn rows', () => {
  const values = Float64Array.from({ length: 240 }, (_, i) => ((i * 37) % 101) / 64);
  const idx = numpyChoiceIndices(42, 240, 240, 1);
  const w = indicesToWeights(idx, 240);
  let drawn = 0, weighted = 0;
  idx.forEach((i) => (drawn += values[i]));
  w.forEach((wi, i) => (weighted += wi * values[i]));
  assert.equal(w.reduce((s, x) => s + x, 0), 240);
  assert.equal(weighted, drawn); // dyadic values: both sums are exact
});

test("percentile matches np.percentile (method 'linear') to the last bit", () => {
  for (const c of fixture.percentile.cases) {
    const values = c.values as number[];
    c.q.forEach((q, i) => assert.equal(percentile(values, q), c.want[i], `${c.name}, q = ${q}`));
    const sorted = Float64Array.from(values).sort();
    c.q.forEach((q, i) => assert.equal(percentileOfSorted(sorted, q), c.want[i], `${c.name} (sorted), q = ${q}`));
  }
});

test('percentile leaves NaNs out, as np.nanpercentile does, and countNaN counts them', () => {
  const c = fixture.percentile.nan;
  const values = c.values.map((v) => v ?? NaN);
  c.q.forEach((q, i) => assert.equal(percentile(values, q), c.want[i], `q = ${q}`));
  assert.equal(countNaN(values), 2);
  assert.ok(Number.isNaN(percentile([NaN, NaN], 50)));
  assert.ok(Number.isNaN(percentile([], 50)));
});

test('percentileInterval at level 0.95 is the 2.5th and 97.5th percentiles exactly', () => {
  const c = fixture.percentile.cases.find((x) => x.name === 'normal17')!;
  const values = c.values as number[];
  const lo = c.want[c.q.indexOf(2.5)], hi = c.want[c.q.indexOf(97.5)];
  assert.deepEqual(percentileInterval(values, 0.95), [lo, hi]);
  assert.deepEqual(percentileInterval(values, 0.5), [percentile(values, 25), percentile(values, 75)]);
});

test('percentile and percentileInterval refuse q outside [0, 100] and level outside (0, 1)', () => {
  for (const q of [-1, 101, NaN]) assert.throws(() => percentile([1, 2], q), optionError('q'));
  for (const level of [0, 1, 1.2, NaN]) assert.throws(() => percentileInterval([1, 2], level), optionError('level'));
});

test('mean and standardDeviation (ddof 1) match np.mean and np.std(ddof=1); NaNs are left out', () => {
  const { values, mean: m, sd } = fixture.moments;
  close(mean(values), m, 1e-15, 'mean');
  close(standardDeviation(values), sd, 1e-14, 'sd');
  close(mean([...values, NaN]), m, 1e-15, 'mean with NaN');
  close(standardDeviation([NaN, ...values]), sd, 1e-14, 'sd with NaN');
  assert.equal(standardDeviation([1, 2, 3, 4], 0), Math.sqrt(1.25));
  assert.ok(Number.isNaN(standardDeviation([5])));
  assert.ok(Number.isNaN(mean([NaN])));
});

test('correlationMatrix matches np.corrcoef', () => {
  const got = correlationMatrix(fixture.corrcoef.samples);
  fixture.corrcoef.want.forEach((row, i) => row.forEach((r, j) => close(got[i][j], r, 1e-14, `r[${i}][${j}]`)));
});

test('correlationMatrix drops an observation with a NaN in any variable from every entry', () => {
  const x = [1, 2, 3, 4, 5], y = [2, 1, 4, 3, 6], z = [5, 3, 2, 2, 1];
  const want = correlationMatrix([x, y, z]);
  const got = correlationMatrix([[...x, 7], [...y, NaN], [...z, 0]]);
  want.forEach((row, i) => row.forEach((r, j) => close(got[i][j], r, 1e-15, `r[${i}][${j}]`)));
  const constant = correlationMatrix([x, [3, 3, 3, 3, 3]]);
  assert.equal(constant[0][0], 1);
  assert.ok(Number.isNaN(constant[0][1]) && Number.isNaN(constant[1][1]));
  assert.throws(() => correlationMatrix([x, [1, 2]]), optionError('samples[1]'));
});
