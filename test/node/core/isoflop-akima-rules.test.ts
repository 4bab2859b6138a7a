// The rules of the Akima isoFLOP approach (src/core/isoflop-akima.ts) on
// small constructed budgets: the same seed gives the same analysis, the floor
// and the inflation of a budget's spread, rejection when the minimum is at an
// end or too few replicas keep it inside, one point per size, and the option
// errors, by key, in English and Chinese. (Its agreement with Porian et al.'s
// own numbers is in isoflop-akima.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoflop } from '../../../src/core/isoflop.js';
import { akimaBootstrap, bestPerSize, geometricGrid } from '../../../src/core/isoflop-akima.js';
import { normalStream } from '../../../src/stats/normal.js';
import { runsFromArrays } from '../../../src/core/runs.js';
import { LIMITS } from '../../../src/core/limits.js';
import { DataError, OptionError } from '../../../src/errors.js';
import { describeError } from '../../../src/i18n/errors.js';
import { AKIMA_UNSTABLE_BUDGET, REJECTION_BUDGETS, budget } from '../../fixtures/isoflop-rejections.js';

type Part = { N: number[]; C: number[]; loss: number[] };
const runsOf = (parts: Part[]) => runsFromArrays({ N: parts.flatMap((p) => p.N), C: parts.flatMap((p) => p.C), loss: parts.flatMap((p) => p.loss) });
/** Two budgets the approach accepts (the first two of REJECTION_BUDGETS). */
const good = REJECTION_BUDGETS.slice(0, 2);

test('the same seed gives the same analysis; another seed other replicas (and the same plain spline minimum)', () => {
  const runs = runsOf([...good, budget(1e21, [8.5, 9, 9.5, 10, 10.5], (x) => 2.7 + 0.1 * (x - 9.7) ** 2)]);
  const plain = (r: ReturnType<typeof isoflop>) => JSON.stringify({ ...r, predict: undefined, budgets: r.budgets.map((b) => ({ ...b, rows: Array.from(b.rows) })) });
  const a = isoflop(runs, { approach: 'akima', seed: 7, seedNoise: 0.01 });
  assert.equal(plain(isoflop(runs, { approach: 'akima', seed: 7, seedNoise: 0.01 })), plain(a));
  const b = isoflop(runs, { approach: 'akima', seed: 8, seedNoise: 0.01 });
  assert.notEqual(plain(b), plain(a));
  assert.deepEqual(b.budgets.map((x) => x.splineN), a.budgets.map((x) => x.splineN));
  assert.ok(a.N.lo !== b.N.lo || a.N.hi !== b.N.hi);
  assert.deepEqual(a.options, { tolerance: 0.1, minPoints: 3, logBase: 10, approach: 'akima', level: 0.95, seedNoise: 0.01, replicas: 1000, seed: 7 });
  assert.equal(a.N.interval, 'percentile-bootstrap');
  assert.equal(a.N.replicaFits, Math.min(...a.budgets.map((x) => x.validReplicas!)));
  assert.ok(a.N.lo <= a.N.a && a.N.a <= a.N.hi && a.N.kLo <= a.N.k && a.N.k <= a.N.kHi);
  for (const x of a.budgets) assert.ok(Math.abs(x.D * 6 * x.N / x.C - 1) < 1e-12, 'D* = C/(6N*)');
});

test('the floor: with replicas that all agree, the spread is 0.33 × 25 grid steps, a little over 0.33 × the mean ln-spacing of the sizes', () => {
  const N = Float64Array.of(1e8, 2e8, 5e8, 1e9, 3e9), loss = Float64Array.from(N, (n) => 3 + 0.05 * Math.log(n / 6e8) ** 2);
  const r = akimaBootstrap(N, loss, { replicas: 50, seedNoise: 1e-12, normal: normalStream(1) });
  assert.equal(r.replicaN.length, 50);
  assert.ok(r.sd < 1e-12, `sd ${r.sd}`); // identical values, up to rounding of their mean
  const m = (N.length - 1) * 25, steps = Math.log(3e9 / 1e8) / (m - 1);
  assert.ok(Math.abs(r.floor / (0.33 * 25 * steps) - 1) < 1e-12, `floor ${r.floor}`);
  assert.ok(Math.abs(r.floor / ((0.33 * Math.log(3e9 / 1e8)) / (N.length - 1)) - m / (m - 1)) < 1e-12);
  assert.equal(r.spread, r.floor);
  assert.equal(r.N, r.splineN);
});

test('the spread: population sd of ln N* over valid replicas, at least the floor, times replicas/valid', () => {
  const top = budget(1e25, [8, 8.5, 9, 9.5, 10], (x) => 3 + 0.1 * (x - 9.95) ** 2);
  const { N, loss } = bestPerSize(top.N, top.loss);
  const r = akimaBootstrap(N, loss, { replicas: 1000, seedNoise: 0.002, normal: normalStream(42) });
  const valid = r.replicaN.length;
  assert.ok(valid > 500 && valid < 1000, `${valid} valid`);
  const ln = Array.from(r.replicaN, Math.log), mean = ln.reduce((s, x) => s + x, 0) / valid;
  const sd = Math.sqrt(ln.reduce((s, x) => s + (x - mean) ** 2, 0) / valid);
  assert.ok(Math.abs(r.sd / sd - 1) < 1e-12);
  assert.ok(Math.abs(r.spread / ((Math.max(sd, r.floor) * 1000) / valid) - 1) < 1e-12);
  // Valid replicas are inner grid points; the median of an even count is the mean of the middle two.
  const grid = geometricGrid(N[0], N[N.length - 1], (N.length - 1) * 25);
  assert.ok(Array.from(r.replicaN).every((n) => n !== grid[0] && n !== grid[grid.length - 1] && grid.includes(n)));
  const sorted = Float64Array.from(r.replicaN).sort(), h = valid >> 1;
  assert.equal(r.N, valid % 2 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2);
});

test('budgets are rejected with a reason and words in both languages: at an end, unstable, too few runs or sizes', () => {
  const r = isoflop(runsOf([...REJECTION_BUDGETS, AKIMA_UNSTABLE_BUDGET]), { approach: 'akima' });
  assert.deepEqual(r.budgets.map((b) => [b.accepted, b.reason, b.detail?.key]), [
    [true, undefined, undefined], [true, undefined, undefined],
    [false, 'too-few-points', 'isoflop-few-runs'], [false, 'vertex-outside', 'isoflop-akima-at-end'],
    [false, 'vertex-outside', 'isoflop-akima-at-end'], [false, 'too-few-points', 'isoflop-akima-few-sizes'],
    [false, 'unstable', 'isoflop-akima-unstable'],
  ]);
  assert.equal(r.budgets[4].message, "budget 1.00e+23 FLOPs: the spline's minimum lies at an end of the sampled sizes 3.16e+9–1.00e+11, so the optimum may lie beyond them");
  assert.equal(r.budgets[4].splineN, r.budgets[4].Nmax);
  const unstable = r.budgets[6];
  assert.ok(unstable.validReplicas! < 500 && unstable.validReplicas! > 300, `${unstable.validReplicas} valid`);
  assert.ok(unstable.splineN! > unstable.Nmin && unstable.splineN! < unstable.Nmax, 'the plain minimum is inside');
  assert.equal(unstable.message, `budget 1.00e+25 FLOPs: only ${unstable.validReplicas} of 1000 noise replicas have their minimum inside the sampled sizes; 500 are needed`);
  assert.equal(describeError(unstable, 'zh'), `预算 1.00e+25 FLOPs：1000 个噪声副本中只有 ${unstable.validReplicas} 个的最小值点在采样规模之内；至少需要 500 个`);
  assert.match(describeError(r.budgets[5], 'zh'), /Akima 方法至少需要 3 种/);
  assert.ok(r.budgets.slice(2).every((b) => Number.isNaN(b.N) && b.coefficients === null && Number.isNaN(b.curvature)));
  // One accepted budget: the error names the rest by reason.
  assert.throws(() => isoflop(runsOf([good[0], ...REJECTION_BUDGETS.slice(2), AKIMA_UNSTABLE_BUDGET]), { approach: 'akima' }), (e: unknown) =>
    e instanceof DataError && e.detail?.key === 'isoflop-akima-too-few-budgets' &&
    e.message.endsWith('fewer than minPoints (3) runs: 1.00e+21; fewer than 3 distinct model sizes: 1.00e+24; minimum at an end of the sampled sizes: 1.00e+22, 1.00e+23; too few replicas with an inner minimum: 1.00e+25)'));
});

test('several runs of one size: the lowest loss stands for it', () => {
  const worse = budget(1e19, [8, 8.5, 9, 9.5, 10], (x) => 3.05 + 0.1 * (x - 9) ** 2);
  const a = isoflop(runsOf(good), { approach: 'akima' }), b = isoflop(runsOf([...good, worse]), { approach: 'akima' });
  assert.deepEqual(b.budgets.map((x) => [x.N, x.lnNStd]), a.budgets.map((x) => [x.N, x.lnNStd]));
  assert.equal(b.budgets[0].points, 10);
});

test('option errors name the option, by key, in English and Chinese', () => {
  const runs = runsOf(good);
  const cases: [object, string, string][] = [
    [{ approach: 'spline' }, 'approach', 'option-not-one-of'],
    [{ approach: 'akima', seedNoise: 0 }, 'seedNoise', 'option-not-positive'],
    [{ approach: 'akima', seedNoise: Infinity }, 'seedNoise', 'option-not-positive'],
    [{ approach: 'akima', replicas: 0 }, 'replicas', 'option-count-limit'],
    [{ approach: 'akima', replicas: 2.5 }, 'replicas', 'option-count-limit'],
    [{ approach: 'akima', replicas: LIMITS.replicas + 1 }, 'replicas', 'option-count-limit'],
    [{ approach: 'akima', seed: -1 }, 'seed', 'option-integer-range'],
    [{ approach: 'akima', seed: 2 ** 32 }, 'seed', 'option-integer-range'],
    [{ seedNoise: 0.01 }, 'seedNoise', 'isoflop-akima-only'],
    [{ approach: 'parabola', replicas: 10 }, 'replicas', 'isoflop-akima-only'],
    [{ approach: 'akima', replica: 10 }, 'replica', 'unknown-option-guess'],
  ];
  for (const [options, option, key] of cases) {
    assert.throws(() => isoflop(runs, options as never), (e: unknown) => {
      assert.ok(e instanceof OptionError && e.option === option && e.detail?.key === key, `${JSON.stringify(options)}: ${String(e)}`);
      assert.match(describeError(e, 'zh'), /[\u4e00-\u9fff]/);
      return true;
    });
  }
  assert.throws(() => isoflop(runs, { approach: 'spline' as never }), { message: 'invalid approach; expected one of parabola, akima: spline' });
  assert.throws(() => isoflop(runs, { seed: 1 }), { message: 'invalid seed; it applies to approach akima only, and approach is parabola' });
});

test('replicas × grid points over the limit of spline evaluations: refused before any work', () => {
  // 400 sizes in one budget: a grid of 9,975 points and 400 knots; with the other budget (100 + 5) and the noiseless pass, (10,375 + 105) × 100,001.
  const many = budget(1e20, Array.from({ length: 400 }, (_, i) => 8 + i / 200), (x) => 3 + 0.1 * (x - 9) ** 2);
  const t = performance.now();
  assert.throws(() => isoflop(runsOf([good[0], many]), { approach: 'akima', replicas: LIMITS.replicas }), (e: unknown) =>
    e instanceof OptionError && e.option === 'replicas' && e.detail?.key === 'isoflop-akima-work' &&
    e.message === 'invalid replicas; the Akima bootstrap would evaluate its splines 1,048,010,480 times, over the limit of 500,000,000 (a fixed limit): lower replicas (100,000) or analyse fewer model sizes per budget');
  assert.ok(performance.now() - t < 1000);
});
