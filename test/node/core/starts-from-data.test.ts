// Start grids from the data's own ranges (issue 11, step 5). Every form but
// chinchilla (whose published Hoffmann grid stays as it is) starts from rows
// derived from the runs, so fits work whatever the units: the power form on
// learning curves whose losses are all below 1 (ln L < 0, which needs
// ln xc < ln x, where the old grid never looked), and each form on runs far from
// the Chinchilla scale. And when a fit cannot be written in double precision,
// the error's advice is advice that works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { DataError } from '../../../src/errors.js';
import { fitDataFromRuns, fitSync } from '../../../src/core/fit.js';
import { resolveFitOptions, type FitOptions } from '../../../src/core/fit-options.js';
import { checkRepresentable } from '../../../src/core/fit-checks.js';
import { defaultGrid, hoffmannGrid, lawFromTheta } from '../../../src/core/forms.js';
import { evaluateLaw, type Law } from '../../../src/core/forms-eval.js';
import { runsFromArrays } from '../../../src/core/runs.js';
import { LAW_CASES, maxRelativeError } from '../../fixtures/synthetic-laws.js';

const JS = { engine: 'js', workers: 0 } as const;

// ---- the power form on real learning curves with every loss below 1 -------------------

/** Alabdulmohsin et al. (2022) NMT curves (test/fixtures/data/README.md): per architecture, the rows marked for fitting. */
const nmt = csvParse(readFileSync(new URL('../../fixtures/data/alabdulmohsin2022-nmt-learning-curves.csv', import.meta.url), 'utf8'));
const curves = new Map<string, { x: number[]; loss: number[] }>();
for (const row of nmt) {
  if (row.Training !== '1') continue;
  const c = curves.get(row.Model!) ?? { x: [], loss: [] };
  c.x.push(Number(row['Seen Examples'])), c.loss.push(Number(row.Loss));
  curves.set(row.Model!, c);
}

/** Closed-form ordinary least squares of ln L on ln x: slope and intercept. */
function logLogLine(x: readonly number[], loss: readonly number[]): { slope: number; intercept: number } {
  const u = x.map(Math.log), v = loss.map(Math.log), n = u.length;
  const mu = u.reduce((a, b) => a + b) / n, mv = v.reduce((a, b) => a + b) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) (sxy += (u[i] - mu) * (v[i] - mv), sxx += (u[i] - mu) ** 2);
  return { slope: sxy / sxx, intercept: mv - (sxy / sxx) * mu };
}

/** Seen examples are the x (the data axis, D); N is unused by the power form of D. */
const curveRuns = (c: { x: number[]; loss: number[] }) => runsFromArrays({ N: c.x, D: c.x, loss: c.loss });

test('the fixture holds five NMT curves of 9–10 points, every loss below 1', () => {
  assert.deepEqual([...curves.keys()], ['6 Enc, 6 Dec', '28 Enc, 6 Dec', '6 Enc, 28 Dec', 'Dec-only', 'TEnc-LSTM']);
  for (const c of curves.values()) {
    assert.ok(c.x.length >= 9);
    assert.ok(c.loss.every((l) => l > 0 && l < 1));
  }
});

for (const [model, c] of curves) {
  test(`power, squared loss, NMT "${model}": the fit is the log-log least-squares line to 1e-6`, () => {
    const { slope, intercept } = logLogLine(c.x, c.loss);
    const r = fitSync(curveRuns(c), { form: 'power', variable: 'D', loss: 'squared', ...JS });
    assert.equal(r.converged, true, r.status);
    // ln L = α·ln xc − α·ln x: α = −slope, ln xc = intercept / α.
    assert.ok(Math.abs(r.params.alpha + slope) <= 1e-6 * Math.abs(slope), `alpha ${r.params.alpha} vs ${-slope}`);
    assert.ok(Math.abs(r.theta.lnXc - intercept / -slope) <= 1e-6, `ln xc ${r.theta.lnXc} vs ${intercept / -slope}`);
    assert.ok(r.theta.lnXc < Math.log(Math.min(...c.x)), 'losses below 1 put xc below every x');
  });

  test(`power, default Huber loss, NMT "${model}": fits, below the data's x, and predicts the curve`, () => {
    const r = fitSync(curveRuns(c), { form: 'power', variable: 'D', ...JS });
    assert.equal(r.converged, true, r.status);
    assert.ok(r.params.alpha > 0 && r.params.xc < Math.min(...c.x));
    c.x.forEach((x, i) => assert.ok(Math.abs(evaluateLaw(r.law, { N: x, D: x, C: 6 * x * x }) / c.loss[i] - 1) < 0.2, `point ${i}`));
  });
}

// ---- every form at scales far from Chinchilla ----------------------------------------

/**
 * The same law for runs whose N and D are multiplied by `s` and whose losses by `k`:
 * every scale parameter moved so that law(s·N, s·D) = k·original(N, D).
 */
function rescaled(law: Law, s: number, k: number): Law {
  const p = structuredClone(law.params) as unknown as Record<string, number> & { breaks?: { d: number }[] };
  switch (law.form) {
    case 'chinchilla': case 'data-constrained': p.A *= k * s ** p.alpha; p.B *= k * s ** p.beta; p.E *= k; break;
    case 'kaplan': p.Nc *= s * k ** (1 / p.alphaN); p.Dc *= s * k ** (1 / p.alphaD); break;
    case 'power': p.xc *= s * k ** (1 / p.alpha); break;
    case 'saturating': p.A *= k * s ** p.alpha; p.E *= k; break;
    case 'overtrained': p.a *= k * s ** (2 * p.eta); p.b *= k * s ** (2 * p.eta); p.E *= k; break; // C = 6ND moves by s²
    case 'broken': p.a *= k; p.b *= k * s ** p.c0; for (const b of p.breaks!) b.d *= s; break;
  }
  return { ...law, params: p } as unknown as Law;
}

const SIZES = [3e7, 1e8, 3e8, 1e9, 3e9, 1e10];
const TOKENS = [1e9, 3e9, 1e10, 3e10, 1e11, 3e11];
const EPOCHS = [1, 2, 4, 8, 16, 32];

const SCALES = [
  { name: 'N from 1e3 to 3e5', s: 1 / 3e4, k: 1, N: [1e3, 4e5], loss: [1, 10] },
  { name: 'losses from 0.01 to 0.15', s: 1, k: 0.02, N: [3e7, 1e10], loss: [0.01, 0.15] },
  { name: 'losses from 50 to 210', s: 1, k: 30, N: [3e7, 1e10], loss: [50, 210] },
];

for (const c of LAW_CASES) {
  for (const scale of SCALES) {
    test(`${c.name}, ${scale.name}: recovers the law from noise-free runs to 1e-6`, () => {
      const law = rescaled(c.law, scale.s, scale.k);
      const runs = { N: [] as number[], D: [] as number[], U: [] as number[], loss: [] as number[] };
      SIZES.forEach((n) => TOKENS.forEach((d, j) => {
        const N = n * scale.s, D = d * scale.s, U = D / EPOCHS[j] / 10;
        runs.N.push(N), runs.D.push(D), runs.U.push(U), runs.loss.push(evaluateLaw(law, { N, D, C: 6 * N * D, U }));
      }));
      // The design is where the test says it is.
      assert.ok(runs.N.every((N) => N >= scale.N[0] && N <= scale.N[1]));
      assert.ok(runs.loss.every((l) => l >= scale.loss[0] && l <= scale.loss[1]), `losses ${Math.min(...runs.loss)}–${Math.max(...runs.loss)}`);
      const options: FitOptions = { ...c.options, ...JS };
      if (law.form === 'data-constrained') {
        const { A, B, E, alpha, beta } = law.params;
        options.base = { A, B, E, alpha, beta };
      }
      const r = fitSync(law.form === 'data-constrained' ? runs : { N: runs.N, D: runs.D, loss: runs.loss }, options);
      assert.equal(r.converged, true, r.status);
      const err = maxRelativeError(law.params, r.params);
      assert.ok(err <= 1e-6, `largest relative error ${err}: ${JSON.stringify(r.params)} vs ${JSON.stringify(law.params)}`);
    });
  }
}

test('chinchilla keeps exactly the published Hoffmann grid; every other form adds data-derived rows and keeps its own', () => {
  const runs = runsFromArrays({ N: SIZES.flatMap((n) => TOKENS.map(() => n)), D: SIZES.flatMap(() => TOKENS), loss: SIZES.flatMap(() => TOKENS.map((_, j) => 2 + 0.1 * j)) });
  const data = fitDataFromRuns(runs);
  assert.deepEqual(defaultGrid(resolveFitOptions({}).spec, data), hoffmannGrid());
  assert.equal(hoffmannGrid().length / 5, 4500);
  // The fixed rows each form had are still there, after the derived ones (sizes: kaplan 5·5·4·4, power 5·5, saturating 4·7·5, overtrained 3·5·5·4, broken 3·3·3·3·3·2).
  const fixed: [FitOptions, number][] = [[{ form: 'kaplan' }, 400], [{ form: 'power' }, 25], [{ form: 'saturating' }, 140], [{ form: 'overtrained' }, 300], [{ form: 'broken' }, 486]];
  for (const [o, rows] of fixed) {
    const { spec, names } = resolveFitOptions(o);
    const grid = defaultGrid(spec, data);
    assert.ok(grid.length / names.length > rows, `${o.form}: ${grid.length / names.length} rows`);
    assert.ok(grid.every(Number.isFinite), o.form);
  }
  const power = defaultGrid(resolveFitOptions({ form: 'power' }).spec, data);
  assert.deepEqual(Array.from(power.slice(-4)), [Math.log(1e10) + 40, 0.3, Math.log(1e10) + 40, 1]);
});

// ---- advice that works -----------------------------------------------------------------

/** The error `checkRepresentable` throws for θ fitted to `runs`, with the runs given. */
function adviceFor(runs: ReturnType<typeof runsFromArrays>, options: FitOptions, theta: number[]): DataError {
  const opts = resolveFitOptions(options);
  const t = Float64Array.from(theta);
  try {
    checkRepresentable(opts, t, lawFromTheta(opts.spec, t).params, 0, runs.columns, fitDataFromRuns(runs));
  } catch (e) {
    assert.ok(e instanceof DataError, String(e));
    return e;
  }
  assert.fail('no error');
}

test('a fit that ran off to infinity is called that, with no advice to rescale; the advice given (a bound) works', () => {
  // The old grid's failure on these curves: ln xc → 3.2e6, α → 0 (losses below 1 need ln xc below ln x).
  const c = curves.get('6 Enc, 6 Dec')!;
  const e = adviceFor(curveRuns(c), { form: 'power', variable: 'D' }, [3219976.247424828, 2.2e-7]);
  assert.match(e.message, /diverged/);
  assert.doesNotMatch(e.message, /rescale|divide|multiply/);
  assert.match(e.message, /hold lnXc with lower\/upper bounds/);
  // Constant losses have no finite power law: the fit runs off, and a bound, as advised, holds it.
  const N = [1e3, 1e4, 1e5, 1e6, 1e7, 1e8], flat = N.map(() => 2);
  assert.throws(() => fitSync({ N, D: N, loss: flat }, { form: 'power', ...JS }), (err: unknown) => err instanceof DataError && /xc = Infinity/.test(err.message));
  const held = fitSync({ N, D: N, loss: flat }, { form: 'power', ...JS, lower: { lnXc: -100 }, upper: { lnXc: 100 } });
  assert.deepEqual(held.atBounds, ['lnXc']);
  N.forEach((n, i) => assert.ok(Math.abs(evaluateLaw(held.law, { N: n, D: n }) / flat[i] - 1) < 0.1));
});

test('extreme units get advice to divide the column by a power of ten, and dividing by it works', () => {
  // L = 1e310 / N: xc = 1e310 overflows although every run is a valid number.
  const N = Array.from({ length: 10 }, (_, i) => 1e290 * (i + 1)), loss = N.map((_, i) => 1e20 / (i + 1));
  const D = N.map(() => 1e10); // unused by the power form of N
  const runs = runsFromArrays({ N, D, loss });
  const e = adviceFor(runs, { form: 'power' }, [310 * Math.LN10, 1]);
  assert.equal(e.column, 'N');
  const k = Number(/divide column "N" by 1e(\d+)/.exec(e.message)?.[1]);
  assert.ok(k >= 280 && k <= 300, e.message);
  const r = fitSync(runsFromArrays({ N: N.map((n) => n / 10 ** k), D, loss }), { form: 'power', loss: 'squared', ...JS });
  assert.ok(Math.abs(r.params.alpha - 1) < 1e-9 && Math.abs(Math.log(r.params.xc) - (310 * Math.LN10 - k * Math.LN10)) < 1e-6);
  // A chinchilla law whose A overflows in these units: A·N^−α with N ~ 1e200 and α = 1.6.
  const law = { form: 'chinchilla' as const, params: { A: 400, B: 400, E: 1.7, alpha: 1.6, beta: 0.3 } };
  const sizes = [1, 2, 4, 8, 16, 32], tokens = [1e9, 1e10, 1e11, 1e12];
  const big = runsFromArrays({
    N: sizes.flatMap((s) => tokens.map(() => s * 1e200)), D: sizes.flatMap(() => tokens),
    loss: sizes.flatMap((s) => tokens.map((d) => evaluateLaw(law, { N: s, D: d }))),
  });
  const theta = [Math.log(400) + 1.6 * 200 * Math.LN10, Math.log(400), Math.log(1.7), 1.6, 0.3];
  const advice = adviceFor(big, {}, theta);
  assert.equal(advice.column, 'N');
  assert.match(advice.message, /divide column "N" by 1e20[01]/);
});

test('overtrained: a column to blame is N or D (the law uses C = 6ND), not the compute column', () => {
  // ln a carries N^(2η): a law with a = 1e300 at N ~ 1e100 overflows; dividing N by 1e100 brings a to ~1e-100·1e300…
  const N = [1e100, 2e100, 4e100, 8e100], D = [1e10, 1e11, 1e12, 1e13];
  const runs = runsFromArrays({ N: N.flatMap((n) => D.map(() => n)), D: N.flatMap(() => D), C: N.flatMap((n) => D.map((d) => 6 * n * d)), loss: N.flatMap(() => D.map(() => 2)) });
  const e = adviceFor(runs, { form: 'overtrained' }, [Math.log(1.5), 800, 1, 1]);
  assert.equal(e.column, 'N');
  assert.match(e.message, /divide column "N" by 1e100/);
});
