// isoflop(): Approach 2 reproduces the published Llama 3 allocation, recovers
// a = b = 0.5 from a symmetric law, rejects budgets for each stated reason,
// and the Student-t quantile behind its intervals matches printed tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isoflop } from '../../../src/core/isoflop.js';
import { fitPowerLaw, powerLawBand, studentTCdf, studentTQuantile } from '../../../src/core/loglinear.js';
import { DataError, OptionError } from '../../../src/errors.js';
import { readRuns, runsFromArrays } from '../../../src/core/runs.js';
import { generateRuns } from '../../../src/data/synthetic.js';
import { REJECTION_BUDGETS } from '../../fixtures/isoflop-rejections.js';

const llama3 = readRuns(readFileSync(new URL('../../fixtures/data/llama3-isoflops-digitized.csv', import.meta.url), 'utf8'));

const close = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs ${expected} ± ${tolerance}`);

test('Llama 3 isoFLOPs reproduce the published Approach-2 allocation (as Open-Athena reproduced it)', () => {
  const r = isoflop(llama3);
  assert.deepEqual(r.budgets.map((b) => b.C), [6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21, 1e22]);
  assert.deepEqual(r.budgets.map((b) => b.points), [16, 17, 16, 16, 18, 14, 12, 12, 6, 6]);
  assert.equal(r.accepted, 10);
  // Published (Open-Athena), each to half a unit in its last digit.
  close(r.N.a, 0.4632, 5e-5, 'a');
  close(r.D.b, 0.53678, 5e-6, 'b');
  close(r.N.k, 0.5568, 5e-5, 'k_N');
  close(r.D.k, 0.29936, 5e-6, 'k_D');
  // Extrapolation to the flagship budget: 393.3B parameters, 16.10T tokens.
  const at = r.predict(3.8e25);
  close(at.N / 1e9, 393.3, 0.05, 'N*(3.8e25) in billions');
  close(at.D / 1e12, 16.10, 0.005, 'D*(3.8e25) in trillions');
  // D* = C/(6N*) makes the two laws one: b = 1 − a, k_D = 1/(6 k_N).
  close(r.D.b, 1 - r.N.a, 1e-12, 'b = 1 − a');
  close(r.D.k * 6 * r.N.k, 1, 1e-12, 'k_D·6·k_N');
});

test('Llama 3 intervals: t(8) interval from the OLS standard error', () => {
  const r = isoflop(llama3);
  // From numpy.polyfit per budget and scipy.stats.linregress / scipy.stats.t.ppf(0.975, 8) on the same data.
  const se = 0.01819414518504336, t = 2.306004135204166;
  assert.equal(r.N.dof, 8);
  close(r.N.se, se, 1e-12, 'se(a)');
  close(r.D.se, se, 1e-12, 'se(b)');
  close(r.N.lo, 0.46322087290541264 - t * se, 1e-10, 'lo(a)');
  close(r.N.hi, 0.46322087290541264 + t * se, 1e-10, 'hi(a)');
  assert.ok(r.N.kLo < r.N.k && r.N.k < r.N.kHi);
});

test('the log base changes the parabola coefficients, not the optima', () => {
  const ten = isoflop(llama3), e = isoflop(llama3, { logBase: Math.E });
  close(e.N.a, ten.N.a, 1e-12, 'a');
  close(e.N.k / ten.N.k, 1, 1e-12, 'k');
  close(e.N.lo, ten.N.lo, 1e-12, 'lo');
  ten.budgets.forEach((b, i) => {
    close(e.budgets[i].N / b.N, 1, 1e-12, `N* at ${b.C}`);
    // p scales with (ln 10)² between x = log10 N and x = ln N.
    close(b.curvature / e.budgets[i].curvature, Math.LN10 ** 2, 1e-9, `p at ${b.C}`);
  });
});

test('nominal budgets: runs within 10% snap to them, the rest are unassigned', () => {
  const budgets = [6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21, 1e22];
  // Jitter every C by up to ±8% (deterministically); snapping must undo it.
  const jittered = runsFromArrays({ N: llama3.N, D: llama3.D, C: Array.from(llama3.C, (c, i) => c * (1 + 0.08 * Math.sin(i))), loss: llama3.loss });
  const snapped = isoflop(jittered, { budgets });
  const plain = isoflop(llama3);
  assert.equal(snapped.N.a, plain.N.a);
  assert.equal(snapped.unassigned.length, 0);
  // Without the nominal 1e22 budget, its six runs fit nowhere.
  const fewer = isoflop(llama3, { budgets: budgets.slice(0, -1) });
  assert.deepEqual(Array.from(fewer.unassigned), [128, 129, 130, 131, 132, 133]);
  assert.equal(fewer.accepted, 9);
});

test('a symmetric law (α = β) gives a = b = 0.5 and the exact optimum', () => {
  const law = { A: 406.4, B: 410.7, E: 1.69, alpha: 0.3, beta: 0.3 };
  const runs = runsFromArrays(generateRuns({ law, sigma: 0 }));
  const r = isoflop(runs);
  close(r.N.a, 0.5, 1e-9, 'a');
  close(r.D.b, 0.5, 1e-9, 'b');
  // Hoffmann eq. 4: N* = G·(C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β)).
  const G = ((law.alpha * law.A) / (law.beta * law.B)) ** (1 / (law.alpha + law.beta));
  close(r.N.k / (G / Math.sqrt(6)), 1, 1e-8, 'k_N');
  for (const b of r.budgets) close(b.N / (G * Math.sqrt(b.C / 6)), 1, 1e-8, `N* at ${b.C}`);
});

/** Runs at one budget C on the curve loss(x), x = log10 N, at the given x. */
test('budgets are rejected with a reason and a message', () => {
  const parts = REJECTION_BUDGETS;
  const runs = runsFromArrays({ N: parts.flatMap((p) => p.N), C: parts.flatMap((p) => p.C), loss: parts.flatMap((p) => p.loss) });
  const r = isoflop(runs);
  assert.deepEqual(r.budgets.map((b) => [b.accepted, b.reason]), [
    [true, undefined], [true, undefined], [false, 'too-few-points'], [false, 'not-convex'], [false, 'vertex-outside'], [false, 'too-few-points'],
  ]);
  assert.match(r.budgets[2].message!, /2 run\(s\), fewer than minPoints \(3\)/);
  assert.match(r.budgets[3].message!, /not convex/);
  assert.match(r.budgets[4].message!, /outside the sampled sizes/);
  assert.match(r.budgets[5].message!, /2 distinct model size/);
  assert.ok(Number.isNaN(r.budgets[3].N) && r.budgets[3].coefficients !== null && r.budgets[2].coefficients === null);
  close(r.budgets[0].N, 1e9, 1e-3, 'exact vertex');
  close(r.budgets[1].N / 10 ** 9.4, 1, 1e-12, 'exact vertex');
  close(r.budgets[1].curvature, 0.1, 1e-12, 'curvature');
  // Two accepted budgets: the line is exact but has no degrees of freedom for an interval.
  close(r.N.a, 0.4, 1e-12, 'a through two points');
  assert.equal(r.N.dof, 0);
  assert.ok(Number.isNaN(r.N.se) && Number.isNaN(r.N.lo));
  // minPoints 6 leaves one budget: an error that says why.
  assert.throws(() => isoflop(runs, { minPoints: 6 }), (e: unknown) =>
    e instanceof DataError && e.code === 'too-few-runs' && /1 of 6 accepted/.test(e.message) && /fewer than minPoints \(6\) runs: 1\.00e\+19, 1\.00e\+21/.test(e.message));
});

test('bad options throw an OptionError naming the option', () => {
  const cases: [object, string][] = [
    [{ tolerance: -0.1 }, 'tolerance'], [{ minPoints: 2 }, 'minPoints'], [{ minPoints: 3.5 }, 'minPoints'],
    [{ logBase: 1 }, 'logBase'], [{ logBase: 0 }, 'logBase'], [{ approach: 'spline' }, 'approach'], [{ level: 1 }, 'level'],
    [{ budgets: [] }, 'budgets'], [{ budgets: [1e19, -1] }, 'budgets[1]'], [{ budgets: [1e19, 1e19] }, 'budgets[1]'],
  ];
  for (const [options, option] of cases) {
    assert.throws(() => isoflop(llama3, options as never), (e: unknown) => e instanceof OptionError && e.option === option, JSON.stringify(options));
  }
});

test('Student t quantiles match printed tables; the CDF inverts them', () => {
  // scipy.stats.t.ppf to 10 digits (the printed tables, e.g. Abramowitz & Stegun Table 26.10, agree to theirs).
  const table: [number, number, number][] = [
    [0.975, 1, 12.706204736], [0.975, 2, 4.302652730], [0.975, 3, 3.182446305], [0.975, 8, 2.306004135],
    [0.975, 30, 2.042272456], [0.995, 5, 4.032142984], [0.995, 120, 2.617421145], [0.9, 10, 1.372183641],
  ];
  for (const [p, dof, t] of table) {
    close(studentTQuantile(p, dof), t, 1e-8 * t, `t(${p}, ${dof})`);
    close(studentTQuantile(1 - p, dof), -t, 1e-8 * t, `t(${1 - p}, ${dof})`);
    close(studentTCdf(t, dof), p, 1e-9, `F(${t}; ${dof})`);
  }
  // Many degrees of freedom approach the normal quantile 1.959963985.
  close(studentTQuantile(0.975, 100000), 1.959963985, 1e-4, 't(0.975, 1e5)');
  assert.equal(studentTQuantile(0.5, 7), 0);
});

test('the confidence band of a power-law line: the mean response s²·x₀ᵀ(XᵀX)⁻¹x₀, computed here with the matrix form', () => {
  const x = [1e18, 1e19, 1e20, 1e21], y = [2.1e8, 7.9e8, 2.6e9, 9.4e9];
  const fit = fitPowerLaw(x, y, { level: 0.95, base: 10 });
  // OLS of ln y on [1, ln x] by the normal equations, independently of fitPowerLaw's centred sums.
  const u = x.map(Math.log), v = y.map(Math.log), n = u.length;
  const [s0, s1, s2] = [n, u.reduce((a, b) => a + b), u.reduce((a, b) => a + b * b, 0)];
  const [t0, t1] = [v.reduce((a, b) => a + b), u.reduce((a, b, i) => a + b * v[i], 0)];
  const det = s0 * s2 - s1 * s1;
  const inv = [[s2 / det, -s1 / det], [-s1 / det, s0 / det]];
  const b0 = inv[0][0] * t0 + inv[0][1] * t1, b1 = inv[1][0] * t0 + inv[1][1] * t1;
  const rss = v.reduce((a, vi, i) => a + (vi - b0 - b1 * u[i]) ** 2, 0);
  const t975 = 4.302652729911275; // Student t, 2 degrees of freedom, 97.5% (printed tables)
  for (const x0 of [3e17, 1e19, 5e20, 1e23]) {
    const q = [1, Math.log(x0)];
    const varMean = (rss / (n - 2)) * (q[0] * (inv[0][0] * q[0] + inv[0][1] * q[1]) + q[1] * (inv[1][0] * q[0] + inv[1][1] * q[1]));
    const mid = b0 + b1 * q[1], w = t975 * Math.sqrt(varMean);
    const band = powerLawBand(fit, x0);
    for (const [got, want, name] of [[band.y, Math.exp(mid), 'y'], [band.lo, Math.exp(mid - w), 'lo'], [band.hi, Math.exp(mid + w), 'hi']] as const) {
      assert.ok(Math.abs(got / want - 1) < 1e-9, `${name} at ${x0}: ${got} vs ${want}`);
    }
  }
  // Narrowest at the mean of ln x; with two points there are no degrees of freedom and no band.
  const atMean = powerLawBand(fit, Math.exp(fit.meanLnX)), away = powerLawBand(fit, 1e23);
  assert.ok(atMean.hi / atMean.lo < away.hi / away.lo);
  const two = powerLawBand(fitPowerLaw([1, 10], [2, 3]), 5);
  assert.ok(Number.isFinite(two.y) && Number.isNaN(two.lo) && Number.isNaN(two.hi));
});
