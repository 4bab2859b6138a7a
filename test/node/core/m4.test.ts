// Alabdulmohsin, Neyshabur and Zhai (2022)'s estimator M4 and extrapolation
// scoring (src/core/m4-*.ts, extrapolation-score.ts) on their five NMT
// learning curves (test/fixtures/data/alabdulmohsin2022-nmt-learning-curves.csv).
//
// Reference: scripts/fixtures/m4_reference.py, an independent implementation of
// the same objective in Python (scipy 1.17.1, numpy 2.4.6), run once and pasted
// here. "global": scipy.optimize.least_squares (trf, bounds, tolerances 1e-15)
// on all five parameters from 120 starts over the box, the lowest kept.
// "paper": the minimum reached from the paper's start (ε∞ just below the lowest
// loss, ε0 twice the highest): scipy.optimize.minimize (trust-constr, small first
// trust radius) on the objective with (ln β, c, α) re-solved by scipy's nnls at
// each (ε∞, ε0), then least_squares on all five from there. M4's held-out
// predictions by brentq on the implicit law; M1 by numpy.polyfit in log space;
// M2 (E + A·x^−α on log loss) by least_squares (lm) from 50 starts.
//
// The objectives agree to ~1e-13 relative. The parameters agree to ~1e-5: the
// minima lie in a shallow valley along which α and ε0 trade off, so the two
// optimisers stop at slightly different points of the same minimum.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { fitM4, type M4Fit, type M4Options } from '../../../src/core/m4-fit.js';
import { predictM4 } from '../../../src/core/m4-predict.js';
import { extrapolationScore } from '../../../src/core/extrapolation-score.js';
import { readCurve } from '../../../src/core/curve-input.js';
import { DataError, OptionError } from '../../../src/errors.js';

const rows = csvParse(readFileSync(new URL('../../fixtures/data/alabdulmohsin2022-nmt-learning-curves.csv', import.meta.url), 'utf8'));
/** One curve's points, in file order; `training` '1' or '0' picks the paper's split, undefined every row. */
function curve(model: string, training?: '0' | '1'): { x: number[]; loss: number[] } {
  const pick = rows.filter((r) => r.Model === model && (training === undefined || r.Training === training));
  return { x: pick.map((r) => Number(r['Seen Examples'])), loss: pick.map((r) => Number(r.Loss)) };
}
const MODELS = ['6 Enc, 6 Dec', '28 Enc, 6 Dec', '6 Enc, 28 Dec', 'Dec-only', 'TEnc-LSTM'] as const;

interface Ref { objective: number; lnBeta: number; c: number; alpha: number; epsInf: number; eps0: number }
const ref = (objective: number, lnBeta: number, c: number, alpha: number, epsInf: number, eps0: number): Ref => ({ objective, lnBeta, c, alpha, epsInf, eps0 });

// scripts/fixtures/m4_reference.py, the Training = 1 rows of each curve. Where scipy ends with α or ε∞
// below 1e-15 the minimum is on the bound 0 (the TypeScript fit puts them exactly there).
const PAPER: Record<(typeof MODELS)[number], Ref> = {
  '6 Enc, 6 Dec': ref(0.130079576261504, 8.04656716114, -0.626984133489, 0.107621092877, 0.322629724114, 0.981824206656),
  '28 Enc, 6 Dec': ref(0.00865035830522263, 8.10114231671, -0.577453128788, 0.471133291506, 0.275954923108, 0.919730741882),
  '6 Enc, 28 Dec': ref(0.00894593345224461, 6.5828029986, -0.50537957922, 0.462645232159, 0.254796059866, 1.54924416312),
  'Dec-only': ref(0.216221035650712, 10.722895968, -0.838950205415, 0.0579330486855, 0.376842802598, 0.874582324),
  'TEnc-LSTM': ref(0.0703185321484132, 6.97315466898, -0.564458961715, 0, 0.354816433554, NaN),
};
const GLOBAL: Record<(typeof MODELS)[number], Ref> = {
  '6 Enc, 6 Dec': ref(0.0768124529112556, 1.93142384877, -0.163143030258, 0, 0, NaN),
  '28 Enc, 6 Dec': ref(0.00865035830522257, 8.10114268571, -0.577453149385, 0.47113337063, 0.275954925263, 0.919730760057),
  '6 Enc, 28 Dec': ref(0.00894593345224435, 6.58280276617, -0.505379547163, 0.462644772317, 0.254796055867, 1.54924361781),
  'Dec-only': ref(0.115190708882304, 1.44794412906, -0.132712837356, 0, 0, NaN),
  'TEnc-LSTM': ref(0.0486931027112829, 1.45677967447, -0.131367537111, 0, 0, NaN),
};
// RMSE of log loss on the Training = 0 row (one point per curve).
const RMSE: Record<(typeof MODELS)[number], { M1: number; M2: number; M4: number }> = {
  '6 Enc, 6 Dec': { M1: 0.261869405802, M2: 0.0560719921366, M4: 0.0214057219215 },
  '28 Enc, 6 Dec': { M1: 0.170848233737, M2: 0.0636327237838, M4: 0.0200726172678 },
  '6 Enc, 28 Dec': { M1: 0.234026241171, M2: 0.0660639875049, M4: 0.0347861530919 },
  'Dec-only': { M1: 0.251971753878, M2: 0.0376445237028, M4: 0.00875062438903 },
  'TEnc-LSTM': { M1: 0.189915521202, M2: 0.0173762291155, M4: 0.0125707873928 },
};

const near = (got: number, want: number, rel: number, what: string) =>
  assert.ok(Math.abs(got - want) <= rel * Math.abs(want), `${what}: ${got}, want ${want} (±${rel} relative)`);

/** An error of class `type` whose message matches `message`. */
const fails = (type: typeof DataError | typeof OptionError, message: RegExp) => (e: unknown) => {
  assert.ok(e instanceof type, `expected ${type.name}, got ${String(e)}`);
  assert.match((e as Error).message, message);
  return true;
};

/** The fit matches the reference: objective to 1e-10, parameters to 2e-5 (0 exactly where the reference is on the bound; ε0 not when α = 0). */
function matches(f: M4Fit, r: Ref, what: string): void {
  near(f.objective, r.objective, 1e-10, `${what} objective`);
  near(f.params.lnBeta, r.lnBeta, 2e-5, `${what} ln β`);
  near(f.params.c, r.c, 2e-5, `${what} c`);
  for (const k of ['alpha', 'epsInf'] as const) {
    if (r[k] === 0) assert.equal(f.params[k], 0, `${what} ${k}`);
    else near(f.params[k], r[k], 2e-5, `${what} ${k}`);
  }
  if (!Number.isNaN(r.eps0)) near(f.params.eps0, r.eps0, 2e-5, `${what} ε0`);
}

const codes = (f: M4Fit) => f.diagnostics.map((d) => d.code).sort();

for (const model of MODELS) {
  test(`M4 from the paper's start, NMT "${model}": the minimum scipy reaches from there, converged`, () => {
    const c = curve(model, '1');
    const f = fitM4(c.x, c.loss);
    matches(f, PAPER[model], model);
    assert.equal(f.converged, true, f.status);
    assert.equal(f.search, 'paper');
    assert.ok(f.iterations > 0 && f.iterations < 100, `${f.iterations} iterations`);
  });

  test(`M4, global search, NMT "${model}": scipy's lowest minimum of 120 starts`, () => {
    const c = curve(model, '1');
    const f = fitM4(c.x, c.loss, { search: 'global' });
    matches(f, GLOBAL[model], model);
    assert.equal(f.converged, true, f.status);
    assert.ok(f.objective <= GLOBAL[model].objective * (1 + 1e-12));
  });
}

test('what the fits say of themselves: a lower minimum elsewhere, ε0 not determined, bounds reached', () => {
  const fit = (model: (typeof MODELS)[number], o: M4Options = {}) => { const c = curve(model, '1'); return fitM4(c.x, c.loss, o); };
  // From the paper's start: three curves have a lower minimum at ε∞ = 0, α = 0 (the pure power law), which the result names.
  for (const model of ['6 Enc, 6 Dec', 'Dec-only', 'TEnc-LSTM'] as const) {
    const f = fit(model);
    const d = f.diagnostics.find((x) => x.code === 'lower-minimum-elsewhere');
    assert.ok(d && d.code === 'lower-minimum-elsewhere', model);
    assert.equal(d.severity, 'warning');
    near(d.lower, GLOBAL[model].objective, 1e-10, `${model} lower`);
    near(d.objective, PAPER[model].objective, 1e-10, `${model} objective`);
    assert.equal(d.epsInf, 0);
    assert.equal(d.alpha, 0);
  }
  for (const model of ['28 Enc, 6 Dec', '6 Enc, 28 Dec'] as const) assert.deepEqual(codes(fit(model)), [], model);
  // Dec-only from the paper's start: ε0 rests on its lower bound, the highest loss plus the margin.
  const dec = fit('Dec-only');
  assert.deepEqual(codes(dec), ['at-bound', 'lower-minimum-elsewhere']);
  assert.deepEqual(dec.diagnostics.find((x) => x.code === 'at-bound'), { code: 'at-bound', severity: 'warning', parameter: 'eps0', side: 'lower', bound: dec.bounds.eps0[0] });
  assert.equal(dec.params.eps0, dec.bounds.eps0[0]);
  near(dec.bounds.eps0[0], 1.001 * Math.max(...curve('Dec-only', '1').loss), 1e-15, 'ε0 bound');
  // TEnc-LSTM from the paper's start: α = 0, so ε0 is not determined.
  assert.deepEqual(codes(fit('TEnc-LSTM')), ['eps0-undetermined', 'lower-minimum-elsewhere']);
  // Global search at the pure power law: ε∞ on its lower bound 0 and ε0 not determined; nothing "lower elsewhere".
  const g = fit('6 Enc, 6 Dec', { search: 'global' });
  assert.deepEqual(codes(g), ['at-bound', 'eps0-undetermined']);
  assert.deepEqual(g.diagnostics.find((x) => x.code === 'at-bound'), { code: 'at-bound', severity: 'warning', parameter: 'epsInf', side: 'lower', bound: 0 });
  // With ε0 given there is nothing to say about it, even at α = 0.
  assert.deepEqual(codes(fit('6 Enc, 6 Dec', { search: 'global', eps0: 1 })), ['at-bound']);
});

test('ε0 given (1.0, the paper\'s start for these curves): four parameters, scipy\'s minima', () => {
  // scripts/fixtures/m4_reference.py, ε0 held at 1.0.
  const cases = [
    ['6 Enc, 6 Dec', 'paper', ref(0.130087504099833, 8.2318641003, -0.638180353015, 0.135307264005, 0.323405902101, 1)],
    ['6 Enc, 6 Dec', 'global', ref(0.0768124529112556, 1.93142385014, -0.163143030343, 0, 0, 1)],
    ['28 Enc, 6 Dec', 'paper', ref(0.00878132871773737, 8.76013690196, -0.613899356877, 0.718061402879, 0.278899351012, 1)],
    ['28 Enc, 6 Dec', 'global', ref(0.00878132871773734, 8.76013713879, -0.61389937023, 0.718061443923, 0.278899352377, 1)],
  ] as const;
  for (const [model, search, r] of cases) {
    const c = curve(model, '1');
    const f = fitM4(c.x, c.loss, { eps0: 1, search });
    matches(f, r, `${model} ${search}`);
    assert.equal(f.eps0Given, true);
    assert.equal(f.params.eps0, 1);
    assert.deepEqual(f.bounds.eps0, [1, 1]);
  }
});

test('extrapolation: each curve\'s held-out point (the paper\'s Training = 0 row) scored as scipy scores it; M4 best on all five', () => {
  for (const model of MODELS) {
    const c = curve(model);
    const s = extrapolationScore(c.x, c.loss, { holdout: 1 });
    for (const e of ['M1', 'M2', 'M4'] as const) near(s.rmse[e], RMSE[model][e], 1e-5, `${model} ${e}`);
    assert.equal(s.best, 'M4', model);
    // The held-out point is the last row, x = 5.12e8, the row the paper marks Training = 0.
    assert.deepEqual(s.heldOut.map((p) => p.index), [c.x.length - 1]);
    assert.equal(s.heldOut[0].x, 5.12e8);
    assert.equal(s.cutoff, 2.56e8);
    assert.equal(s.training.length, c.x.length - 1);
    // The M4 fit inside is fitM4 of the other points.
    matches(s.fits.M4, PAPER[model], `${model} (inside the score)`);
    assert.equal(s.fits.M1.form, 'power');
    assert.equal(s.fits.M2.form, 'saturating');
  }
  // scripts/fixtures/m4_reference.py: M4's predictions at x = 5.12e8 by brentq.
  const c = curve('6 Enc, 6 Dec');
  near(extrapolationScore(c.x, c.loss, { holdout: 1 }).heldOut[0].predicted.M4, 0.332952344976706, 1e-6, 'M4 prediction');
});

test('extrapolation with three points held out ("6 Enc, 28 Dec", every row): scipy\'s RMSE; here M2 extrapolates best', () => {
  const c = curve('6 Enc, 28 Dec');
  const s = extrapolationScore(c.x, c.loss, { holdout: 3 });
  // scripts/fixtures/m4_reference.py, the last section.
  near(s.rmse.M1, 0.263161379117, 1e-6, 'M1');
  near(s.rmse.M2, 0.0997106436271, 1e-6, 'M2');
  near(s.rmse.M4, 0.10634512041, 1e-6, 'M4');
  near(s.fits.M4.objective, 0.00337175810627264, 1e-10, 'M4 objective');
  near(s.fits.M2.objective, 0.00131371527076958, 1e-9, 'M2 objective');
  near(s.fits.M2.params.E, 0.17282647213, 1e-6, 'M2 E');
  assert.equal(s.best, 'M2');
  assert.deepEqual(s.heldOut.map((p) => p.x), [1.28e8, 2.56e8, 5.12e8]);
  assert.equal(s.cutoff, 6.4e7);
});

test('predictM4 solves the implicit law: closed forms at α = 0, 1/2, 1 and 2', () => {
  // With f = β·x^c, w = ε − ε∞, b = ε0 − ε∞, the law is w = f·(b − w)^α:
  //   α = 0: w = f;  α = 1: w = f·b/(1 + f);  α = 1/2: w² = f²(b − w), w = (f·√(f² + 4b) − f²)/2;
  //   α = 2: f·w² − (2fb + 1)·w + f·b² = 0, the root below b: w = (2fb + 1 − √(4fb + 1))/(2f).
  const law = { beta: 40, c: -0.3, epsInf: 0.2, eps0: 1.7 };
  const b = law.eps0 - law.epsInf;
  const closed: [number, (f: number) => number][] = [
    [0, (f) => f],
    [1, (f) => (f * b) / (1 + f)],
    [0.5, (f) => (f * Math.sqrt(f * f + 4 * b) - f * f) / 2],
    [2, (f) => (2 * f * b + 1 - Math.sqrt(4 * f * b + 1)) / (2 * f)],
  ];
  for (const [alpha, w] of closed) {
    for (const x of [1, 10, 1e3, 1e6, 1e9, 1e15]) {
      const f = law.beta * x ** law.c;
      const want = law.epsInf + w(f);
      near(predictM4({ ...law, alpha }, x), want, 1e-12, `α = ${alpha}, x = ${x}`);
    }
  }
  // Many x at once; the loss falls with x from near ε0 towards ε∞, and stays strictly inside.
  const xs = [1e-6, 1, 1e3, 1e6, 1e9, 1e30];
  const ys = predictM4({ ...law, alpha: 0.7 }, xs);
  for (let i = 1; i < ys.length; i++) assert.ok(ys[i] < ys[i - 1], `falls at ${xs[i]}`);
  assert.ok(ys.every((y) => y > law.epsInf && y < law.eps0));
  // At the ends the loss is as precise as a double near it can be: the law holds in log form to within what
  // two units in the last place of ε change in ln(ε − ε∞) and α·ln(ε0 − ε), with ε0 − ε of 1e-7 (x = 1e-12)
  // and, with ε∞ = 0 so that ε itself is the excess, ε of 1e-11 (x = 1e40).
  for (const [x, epsInf] of [[1e-12, law.epsInf], [1e40, 0]]) {
    const y = predictM4({ ...law, epsInf, alpha: 0.7 }, x);
    const lhs = Math.log(y - epsInf) - 0.7 * Math.log(law.eps0 - y), rhs = Math.log(law.beta) + law.c * Math.log(x);
    const ulp = Number.EPSILON * y, tolerance = 2 * (ulp / (y - epsInf) + (0.7 * ulp) / (law.eps0 - y));
    assert.ok(Math.abs(lhs - rhs) <= tolerance, `x = ${x}: ${lhs} vs ${rhs} (±${tolerance})`);
  }
});

test('predictM4 reads lnBeta instead of beta when given: a law whose β underflows still predicts', () => {
  const law = { beta: 40, c: -0.3, alpha: 0.7, epsInf: 0.2, eps0: 1.7 };
  assert.equal(predictM4({ ...law, lnBeta: Math.log(40) }, 1e6), predictM4(law, 1e6));
  // ε0 far above the losses with α large: β = e^−2800 is 0 in double precision, ln β is not.
  const far = { beta: 0, lnBeta: -2800, c: -0.3, alpha: 500, epsInf: 0.2, eps0: 300 };
  const y = predictM4(far, 1e5);
  assert.ok(y > 0.2 && y < 300, String(y));
  near(Math.log(y - 0.2) - 500 * Math.log(300 - y), -2800 - 0.3 * Math.log(1e5), 1e-12, 'the law holds');
  assert.throws(() => predictM4({ ...law, beta: 0 }, 1e6), fails(OptionError, /^invalid law/));
});

test('deterministic: the same input gives the same numbers; the order of the points does not matter', () => {
  const c = curve('6 Enc, 6 Dec', '1');
  for (const search of ['paper', 'global'] as const) assert.deepEqual(fitM4(c.x, c.loss, { search }), fitM4(c.x, c.loss, { search }));
  const all = curve('28 Enc, 6 Dec');
  const [a, b] = [extrapolationScore(all.x, all.loss, { holdout: 2 }), extrapolationScore(all.x, all.loss, { holdout: 2 })];
  assert.deepEqual(a.rmse, b.rmse);
  assert.deepEqual(a.heldOut, b.heldOut);
  // Reversed input: the same minimum, to rounding.
  const f = fitM4(c.x, c.loss), r = fitM4([...c.x].reverse(), [...c.loss].reverse());
  near(r.objective, f.objective, 1e-12, 'objective');
  near(r.params.alpha, f.params.alpha, 1e-6, 'α');
});

test('units do not matter: x or the loss in other units give the same law in those units', () => {
  const c = curve('28 Enc, 6 Dec', '1');
  const f = fitM4(c.x, c.loss);
  // Loss ×10: ε∞ and ε0 ×10, α and c unchanged, β ×10^(1−α); the objective is the same.
  const l = fitM4(c.x, c.loss.map((v) => 10 * v));
  near(l.objective, f.objective, 1e-8, 'objective (loss ×10)');
  for (const k of ['alpha', 'c'] as const) near(l.params[k], f.params[k], 1e-6, `${k} (loss ×10)`);
  for (const k of ['epsInf', 'eps0'] as const) near(l.params[k], 10 * f.params[k], 1e-6, `${k} (loss ×10)`);
  near(l.params.lnBeta, f.params.lnBeta + (1 - f.params.alpha) * Math.log(10), 1e-6, 'ln β (loss ×10)');
  // x ×1e-6 (examples in millions): c unchanged, ln β shifted by −c·ln(1e-6) (ln β < 0 is fine: no ln β ≥ 0 here).
  const m = fitM4(c.x.map((v) => v * 1e-6), c.loss);
  near(m.objective, f.objective, 1e-8, 'objective (x ×1e-6)');
  near(m.params.c, f.params.c, 1e-6, 'c (x ×1e-6)');
  near(m.params.lnBeta, f.params.lnBeta - f.params.c * Math.log(1e-6), 1e-6, 'ln β (x ×1e-6)');
});

test('an iteration limit stops the descent and says so', () => {
  const c = curve('6 Enc, 28 Dec', '1');
  const f = fitM4(c.x, c.loss, { maxIterations: 2 });
  assert.equal(f.converged, false);
  assert.equal(f.status, 'iteration-limit');
  assert.equal(f.iterations, 2);
  assert.ok(f.diagnostics.some((d) => d.code === 'not-converged' && d.status === 'iteration-limit'));
});

test('bad input is refused with worded errors that name the point or the option', () => {
  const c = curve('6 Enc, 6 Dec', '1');
  const x = c.x, loss = c.loss;
  const with_ = (a: number[], i: number, v: number) => a.map((u, j) => (j === i ? v : u));
  assert.throws(() => fitM4(with_(x, 3, 0), loss), fails(DataError, /^point 4: expected a positive finite x, got 0$/));
  assert.throws(() => fitM4(with_(x, 0, -5), loss), fails(DataError, /^point 1: expected a positive finite x, got -5$/));
  assert.throws(() => fitM4(x, with_(loss, 2, Number.NaN)), fails(DataError, /^point 3: expected a positive finite loss, got NaN$/));
  assert.throws(() => fitM4(x, with_(loss, 2, 0)), fails(DataError, /^point 3: expected a positive finite loss/));
  assert.throws(() => fitM4(x, loss, { eps0: 0.9 }), fails(DataError, /^point 1: loss 0\.931\d* is not below eps0 0\.9; M4 needs every loss below the random-guess loss$/));
  assert.throws(() => fitM4(x.slice(0, 5), loss.slice(0, 5)), fails(DataError, /^M4 has 5 free parameters here, so it needs at least 6 points; got 5$/));
  assert.doesNotThrow(() => fitM4(x.slice(0, 5), loss.slice(0, 5), { eps0: 1 })); // four parameters: five points do
  assert.throws(() => fitM4(x.slice(0, 4), loss.slice(0, 4), { eps0: 1 }), fails(DataError, /needs at least 5 points; got 4/));
  assert.throws(() => fitM4(x, loss.slice(1)), fails(DataError, /^x has 10 values but loss has 9/));
  assert.throws(() => fitM4([1, 1, 2, 2, 2, 1], loss.slice(0, 6)), fails(DataError, /at least 3 distinct x values; got 2/));
  assert.throws(() => fitM4('1,2,3' as never, loss), fails(OptionError, /^invalid x; expected an array of numbers$/));
  assert.throws(() => fitM4(x, loss, { eps0: -1 }), fails(OptionError, /^invalid eps0; expected a positive finite number: -1$/));
  assert.throws(() => fitM4(x, loss, { search: 'best' as never }), fails(OptionError, /^invalid search; expected one of paper, global: best$/));
  assert.throws(() => fitM4(x, loss, { maxIterations: 1e6 }), fails(OptionError, /^invalid maxIterations; expected an integer from 1 to 100,000 \(a fixed limit\)/));
  assert.throws(() => fitM4(x, loss, { serch: 'global' } as never), fails(OptionError, /^unknown option serch; did you mean search\?$/));
  // Extrapolation scoring: holdout missing, or leaving too few points for M4.
  assert.throws(() => extrapolationScore(x, loss, {}), fails(OptionError, /^missing holdout/));
  assert.throws(() => extrapolationScore(x, loss, { holdout: 5 }), fails(OptionError, /^invalid holdout; expected an integer from 1 to 4, which leaves the 6 points M4 needs to fit \(10 points in all\): 5$/));
  assert.throws(() => extrapolationScore(x, loss, { holdout: 6, eps0: 1 }), fails(OptionError, /from 1 to 5, which leaves the 5 points M4 needs/));
  assert.throws(() => extrapolationScore(x, loss, { holdout: 1.5 }), fails(OptionError, /^invalid holdout/));
  // A loss not below ε0 is named by its place in the input, held out or not (here the reversed curve's last point).
  const all = curve('6 Enc, 6 Dec');
  assert.throws(() => extrapolationScore([...all.x].reverse(), [...all.loss].reverse(), { holdout: 1, eps0: 0.9 }), fails(DataError, /^point 11: loss 0\.931\d* is not below eps0 0\.9/));
  assert.throws(() => extrapolationScore(x, loss, { holdout: 1, variable: 'T' as never }), fails(OptionError, /^invalid variable; expected one of N, D, C: T$/));
  assert.throws(() => extrapolationScore(x, loss, { holdot: 1 } as never), fails(OptionError, /^unknown option holdot; did you mean holdout\?$/));
  // A law that is not M4's, and an x that is not positive.
  const law = { beta: 2, c: -0.5, alpha: 0.5, epsInf: 0.1, eps0: 1 };
  assert.throws(() => predictM4({ ...law, c: 0.5 }, 10), fails(OptionError, /^invalid law; expected finite beta > 0 \(or lnBeta\), c ≤ 0, alpha ≥ 0, epsInf ≥ 0 and eps0 above epsInf: beta=2, c=0\.5/));
  assert.throws(() => predictM4({ ...law, eps0: 0.1 }, 10), fails(OptionError, /^invalid law/));
  assert.throws(() => predictM4(law, [10, 0]), fails(OptionError, /^invalid x\[1\]; expected a positive finite number: 0$/));
});

test('readCurve: x by its quantity\'s column (named or recognised), the loss by name; errors name rows and columns', () => {
  const csv = 'examples,Loss,Model\n1e6,0.9,a\n2e6,0.8,a\n4e6,0.7,a\n';
  const r = readCurve(csv, { columns: { D: 'examples' } });
  assert.deepEqual(Array.from(r.x), [1e6, 2e6, 4e6]);
  assert.deepEqual(Array.from(r.loss), [0.9, 0.8, 0.7]);
  assert.deepEqual(Array.from(r.rows), [1, 2, 3]);
  assert.deepEqual(r.columns, { x: 'examples', loss: 'Loss' });
  assert.equal(readCurve('tokens,loss\n1,3\n2,2\n3,1\n').columns.x, 'tokens');
  assert.equal(readCurve('C,N,loss\n1,5,3\n2,5,2\n3,5,1\n', { variable: 'C' }).columns.x, 'C');
  assert.throws(() => readCurve(csv), fails(DataError, /^no D column for x \(names such as "D", "tokens", .*columns found: "examples", "Loss", "Model"$/));
  assert.throws(() => readCurve('D,loss\n1,3\n2,-2\n3,1\n'), fails(DataError, /^line 3, column "loss": expected a positive finite number, got "-2"$/));
  assert.throws(() => readCurve('D,loss\n1,3\n1,2\n2,1\n'), fails(DataError, /at least 3 distinct x values; got 2/));
  assert.throws(() => readCurve(csv, { variable: 'T' as never }), fails(OptionError, /^invalid variable/));
  assert.throws(() => readCurve(csv, { colums: {} } as never), fails(OptionError, /did you mean columns\?/));
});
