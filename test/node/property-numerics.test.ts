// Numerical robustness of the fitters: the log-sum-exp objective at extreme θ
// and extreme N, D on every engine (finite, and engines agree); known laws
// recovered over N, D from 1e3 to 1e15; losses a hair above E; the flat A/B
// valley when D ∝ N; and a fit that did not converge, or that a bound holds,
// saying so — never silently. Regression tests for defects found by the
// property suites (property-fits, property-readers) are at the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DataError, OptionError } from '../../src/errors.js';
import { fitSync } from '../../src/core/fit.js';
import { evaluateLaw } from '../../src/core/forms-eval.js';
import { runsFromArrays } from '../../src/core/runs.js';
import { createEngine } from '../../src/engine/select.js';
import { wasmModule, WASM_BUILDS } from '../../src/engine/wasm.js';
import { defaultSpec, fitData, type EngineName } from '../../src/engine/types.js';
import { generateRuns } from '../../src/data/synthetic.js';

/** A time limit per test: an asynchronous case that never settles fails the run instead of stalling it. */
const LIMIT = { timeout: 90_000 };

const SEED = Number(process.env.FC_SEED ?? (process.env.CI ? 20240606 : Date.now() % 2 ** 31));
const ENGINES: EngineName[] = [...WASM_BUILDS.filter((b) => wasmModule(b) !== null), 'js'];
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

test('the Chinchilla objective is finite at extreme θ and N, D from 1e3 to 1e15, on every engine, and the engines agree', LIMIT, () => {
  const n = 17;
  const N = Array.from({ length: n }, (_, i) => 1e3 * 1e12 ** (i / (n - 1)));
  const D = N.map((_, i) => 1e15 / 1e12 ** (i / (n - 1)));
  const loss = N.map((x, i) => 1.7 + 400 / x ** 0.34 + 400 / D[i] ** 0.28);
  const data = fitData(N, D, loss);
  const engines = ENGINES.map((name) => { const e = createEngine(name); e.setData(data); return e; });
  const theta = fc.tuple(
    fc.double({ min: -800, max: 800, noNaN: true }), fc.double({ min: -800, max: 800, noNaN: true }), fc.double({ min: -800, max: 800, noNaN: true }),
    fc.double({ min: -5, max: 25, noNaN: true }), fc.double({ min: -5, max: 25, noNaN: true }),
  );
  let cases = 0;
  fc.assert(fc.property(theta, fc.constantFrom('huber', 'squared') as fc.Arbitrary<'huber' | 'squared'>, (t, loss) => {
    const spec = defaultSpec({ loss });
    const values = engines.map((e) => {
      const g = new Float64Array(5);
      const f = e.objective(spec, Float64Array.from(t), g);
      return { f, g };
    });
    const ref = values[values.length - 1]; // the TypeScript twin
    // Log-sum-exp keeps ln L̂ finite wherever θ is: the Huber objective stays finite; the squared one may overflow only as +∞.
    for (const { f, g } of values) {
      if (loss === 'huber') assert.ok(Number.isFinite(f), `f = ${f} at ${t}`);
      else assert.ok(!Number.isNaN(f) && f >= 0, `f = ${f} at ${t}`);
      if (Number.isFinite(f)) for (const gi of g) assert.ok(Number.isFinite(gi), `∇f = ${g} at ${t}`);
      if (Number.isFinite(f) && Number.isFinite(ref.f)) assert.ok(rel(f, ref.f) <= 1e-12, `engines differ: ${f} vs ${ref.f} at ${t}`);
    }
    cases++;
  }), { seed: SEED, numRuns: 400 });
  console.log(`property lse: ${cases} cases on ${ENGINES.join(', ')}, seed ${SEED}`);
});

test('noise-free runs over N, D from 1e3 to 1e15 give back the law they came from, on every engine', LIMIT, () => {
  const truth = { A: 406.4, B: 410.7, E: 1.69, alpha: 0.34, beta: 0.28 };
  const N: number[] = [], D: number[] = [];
  for (let i = 0; i <= 6; i++) for (let j = 0; j <= 6; j++) (N.push(1e3 * 1e12 ** (i / 6)), D.push(1e3 * 1e12 ** (j / 6)));
  const loss = N.map((x, k) => evaluateLaw({ form: 'chinchilla', params: truth }, { N: x, D: D[k] }));
  for (const engine of ENGINES) {
    const r = fitSync({ N, D, loss }, { engine, loss: 'squared' });
    for (const k of ['A', 'B', 'E', 'alpha', 'beta'] as const) assert.ok(rel(r.params[k], truth[k]) < 1e-6, `${engine} ${k}: ${r.params[k]} vs ${truth[k]}`);
    assert.equal(r.converged, true, `${engine}: ${r.status}`);
  }
});

test('losses a hair above E: a finite fit whose E sits just below the lowest loss', LIMIT, () => {
  const E = 2.5;
  const N = Array.from({ length: 20 }, (_, i) => 1e6 * 10 ** (i / 4));
  const D = N.map((x) => 20 * x);
  const loss = N.map((x, i) => E + 1e-9 * E * (1e6 / x) ** 0.3 + 1e-9 * E * (2e7 / D[i]) ** 0.3);
  for (const engine of ENGINES) {
    const r = fitSync({ N, D, loss }, { engine });
    assert.ok(Number.isFinite(r.objective) && r.objective < 1e-12, `${engine}: ${r.objective}`);
    assert.ok(Math.abs(r.params.E - E) / E < 1e-6, `${engine}: E ${r.params.E}`);
    for (const v of Object.values(r.params)) assert.ok(Number.isFinite(v));
  }
});

test('a flat A/B valley (D ∝ N, so only A·N^−α + B·D^−β is seen) gives a finite fit that predicts the runs', LIMIT, () => {
  const N = Array.from({ length: 24 }, (_, i) => 1e7 * 10 ** (i / 6));
  const D = N.map((x) => 20 * x);
  const law = { form: 'chinchilla' as const, params: { A: 406.4, B: 410.7, E: 1.69, alpha: 0.3, beta: 0.3 } };
  const loss = N.map((x, i) => evaluateLaw(law, { N: x, D: D[i] }));
  for (const engine of ENGINES) {
    const r = fitSync({ N, D, loss }, { engine, loss: 'squared' });
    for (const v of Object.values(r.params)) assert.ok(Number.isFinite(v), `${engine}: ${JSON.stringify(r.params)}`);
    // A and B trade off along the valley; the prediction along the runs does not.
    N.forEach((x, i) => assert.ok(rel(evaluateLaw(r.law, { N: x, D: D[i] }), loss[i]) < 1e-6, `${engine} run ${i}`));
  }
});

// ---- a fit says when it did not converge or a bound holds it ---------------------------

const runs = generateRuns({ seed: 3 });

test('regression: maxIterations 1 gives converged: false with the status, also after the polish', LIMIT, () => {
  for (const engine of ['js', 'auto'] as const) {
    const r = fitSync(runs, { maxIterations: 1, engine });
    assert.equal(r.converged, false, `${engine}: ${r.status}`);
    assert.equal(r.status, 'iteration-limit');
    assert.ok(r.diagnostics.some((d) => d.code === 'not-converged' && d.status === 'iteration-limit'), JSON.stringify(r.diagnostics));
    assert.ok(r.iterations <= 2 * r.starts.total, `${r.iterations} iterations`);
  }
  // Without the option the polish still runs to the limit of floating point.
  assert.equal(fitSync(runs).converged, true);
});

test('regression: a parameter held by a bound is named in atBounds and in an at-bound diagnostic', LIMIT, () => {
  for (const engine of ENGINES) {
    const r = fitSync(runs, { upper: { alpha: 0.2 }, engine });
    assert.deepEqual(r.atBounds, ['alpha'], engine);
    assert.ok(Math.abs(r.params.alpha - 0.2) < 1e-12, `${engine}: ${r.params.alpha}`);
    const held = r.diagnostics.filter((d) => d.code === 'at-bound');
    assert.deepEqual(held, [{ code: 'at-bound', severity: 'warning', parameter: 'alpha', side: 'upper', bound: 0.2 }], JSON.stringify(r.diagnostics));
  }
  const free = fitSync(runs, { lower: { alpha: 0 }, upper: { alpha: 2 } });
  assert.deepEqual(free.atBounds, []);
  assert.ok(!free.diagnostics.some((d) => d.code === 'at-bound'));
});

test('regression: a data-constrained run far past its unique tokens keeps a finite gradient', LIMIT, () => {
  // Its saturation x = repeats/R* overflowed to ∞ and the derivative x·e^(−x) was ∞·0 = NaN; the limit is 0.
  // (A gradient that truly overflows is covered in solver-nonfinite.test.ts.)
  const v = 1.0000000000000118e-150;
  const N = [v, v, v, v, 1.7030355479309742e+147, v, v], D = Array(7).fill(v), loss = [2001, 2001, 2001, 2001, 1001, 2001, 2001];
  const input = runsFromArrays({ N, D, loss });
  const base = { A: 482.01, B: 2085.43, E: 1.817, alpha: 0.3478, beta: 0.3658 };
  for (const engine of ENGINES) {
    const r = fitSync({ ...input, U: new Float64Array(7).fill(v / 20), columns: { ...input.columns, U: 'U' } }, { form: 'data-constrained', base, engine });
    assert.notEqual(r.status, 'gradient-not-finite', engine);
    assert.equal(r.converged, true, `${engine}: ${r.status}`);
    assert.ok(!r.diagnostics.some((d) => d.code === 'gradient-not-finite'), JSON.stringify(r.diagnostics));
  }
});

test('regression: a law beyond double precision is a typed error naming the column, the starts or the bound', LIMIT, () => {
  // ln xc = 713.8: xc = 1e310 overflows although every run is a valid number.
  const N = Array.from({ length: 10 }, (_, i) => 1e290 * (i + 1));
  const big = () => fitSync({ N, D: Array(10).fill(1e-280), loss: N.map((_, i) => 1e20 / (i + 1)) }, { form: 'power' });
  assert.throws(big, (e: unknown) => e instanceof DataError && e.code === 'bad-value' && e.column === 'N' && /xc = Infinity/.test(e.message));
  const ok = { N: Array.from({ length: 10 }, (_, i) => 1e9 * (i + 1)), D: Array.from({ length: 10 }, (_, i) => 1e10 * (10 - i)), loss: Array.from({ length: 10 }, (_, i) => 3 - 0.1 * i) };
  assert.throws(() => fitSync(ok, { starts: [{ a: 0, b: 1e300, e: 0, alpha: 0, beta: 0 }] }), (e: unknown) => e instanceof OptionError && e.option === 'starts');
  assert.throws(() => fitSync(ok, { loss: 'squared-raw', lower: { a: 700 } }), (e: unknown) => e instanceof OptionError && e.option === 'lower.a');
});

test('regression: crossed bounds name the option in the message', LIMIT, () => {
  assert.throws(() => fitSync(runs, { lower: { a: 1 }, upper: { a: 0 } }), (e: unknown) => e instanceof OptionError && e.option === 'lower.a' && e.message.includes('lower.a'));
});
