// Every engine Node can run (WebAssembly builds it validates, and the
// TypeScript twin) against the independent numpy values of issue #2, and
// the WebAssembly builds against the twin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readRuns } from '../../../src/core/runs.js';
import { createEngine } from '../../../src/engine/select.js';
import { wasmModule, WASM_BUILDS } from '../../../src/engine/wasm.js';
import { defaultSpec, type EngineName, type FitData } from '../../../src/engine/types.js';
import { fitDataFromRuns } from '../../../src/core/fit.js';
import { CHINCHILLA_FILE, DROP_HIGHEST, OBJECTIVE_CASES, compareObjective } from '../../fixtures/chinchilla-reference.js';

const dataDir = new URL('../../fixtures/data/', import.meta.url);
const runs = readRuns(readFileSync(new URL(CHINCHILLA_FILE, dataDir), 'utf8'), { dropHighest: DROP_HIGHEST });
const points: FitData = fitDataFromRuns(runs);
const spec = defaultSpec();

/** Runs from..to of a data set. */
function sliceData(d: FitData, from: number, to: number): FitData {
  return {
    count: to - from, lnN: d.lnN.slice(from, to), lnD: d.lnD.slice(from, to), lnC: d.lnC.slice(from, to), lnU: d.lnU.slice(from, to),
    lnL: d.lnL.slice(from, to), loss: d.loss.slice(from, to), input: d.input.slice(from, to), weight: d.weight.slice(from, to),
  };
}

const available: EngineName[] = [...WASM_BUILDS.filter((b) => wasmModule(b) !== null), 'js'];

test('Node runs the SIMD and scalar WebAssembly builds', () => {
  assert.ok(available.includes('simd'));
  assert.ok(available.includes('scalar'));
});

for (const name of available) {
  test(`${name}: objective and gradient match numpy at the three reference θ`, () => {
    const engine = createEngine(name);
    engine.setData(points);
    for (const c of OBJECTIVE_CASES) {
      const grad = new Float64Array(5);
      const f = engine.objective(spec, Float64Array.from(c.theta), grad);
      assert.equal(compareObjective(c, f, grad), null, `θ = ${c.theta}`);
    }
  });

  test(`${name}: squared loss equals Σ r² computed directly`, () => {
    const engine = createEngine(name);
    engine.setData(points);
    const theta = [6.0, 7.5, 0.6, 0.35, 0.37];
    let want = 0;
    for (let i = 0; i < points.count; i++) {
      const pred = Math.log(Math.exp(theta[0] - theta[3] * points.lnN[i]) + Math.exp(theta[1] - theta[4] * points.lnD[i]) + Math.exp(theta[2]));
      want += (pred - points.lnL[i]) ** 2;
    }
    const f = engine.objective(defaultSpec({ loss: 'squared' }), Float64Array.from(theta), new Float64Array(5));
    assert.ok(Math.abs(f - want) <= 1e-12 * want, `${f} vs ${want}`);
  });
}

test('the log-sum-exp stays finite and exact far from E (overflow path)', () => {
  // θ with a − α ln N − e ≈ 800 everywhere: exp of that difference overflows without the max shift.
  const theta = Float64Array.from([800, 0, 0, 0, 1]);
  for (const name of available) {
    const engine = createEngine(name);
    engine.setData(points);
    const grad = new Float64Array(5);
    const f = engine.objective(defaultSpec({ loss: 'squared' }), theta, grad);
    let want = 0;
    for (let i = 0; i < points.count; i++) want += (800 - points.lnL[i]) ** 2; // prediction = a to rounding
    assert.ok(Math.abs(f - want) <= 1e-12 * want, `${name}: ${f} vs ${want}`);
    assert.ok(grad.every(Number.isFinite), `${name}: gradient ${grad}`);
  }
});

test('a WebAssembly engine gives bit-identical batches after its memory is reset for other data', () => {
  const engine = createEngine('simd');
  const starts = Float64Array.from([10, 10, 0, 0.5, 0.5, 5, 15, 0.5, 1, 0.5]);
  const solver = { maxIter: 1000, maxEvals: 20000, gtol: 1e-9, ftol: 1e-8 };
  engine.setData(points);
  const probe = Float64Array.from(OBJECTIVE_CASES[0].theta), grad = new Float64Array(5);
  const before = engine.objective(spec, probe, grad);
  const first = engine.fitStarts(spec, starts, solver);
  assert.equal(engine.objective(spec, probe, grad), before, 'fitting must not touch the data');
  const half = sliceData(points, 0, 120);
  engine.setData(half);
  engine.fitStarts(spec, starts, solver);
  engine.setData(points);
  const again = engine.fitStarts(spec, starts, solver);
  assert.deepEqual(Array.from(again.theta), Array.from(first.theta));
  assert.deepEqual(Array.from(again.f), Array.from(first.f));
});

test('an odd number of runs: every engine agrees with the TypeScript twin to 1e-12', () => {
  const odd = sliceData(points, 1, 240);
  const theta = Float64Array.from(OBJECTIVE_CASES[0].theta);
  const twin = createEngine('js');
  twin.setData(odd);
  const want = new Float64Array(5);
  const fWant = twin.objective(spec, theta, want);
  for (const name of available) {
    const engine = createEngine(name);
    engine.setData(odd);
    const grad = new Float64Array(5);
    const f = engine.objective(spec, theta, grad);
    assert.ok(Math.abs(f - fWant) <= 1e-12 * fWant, `${name}: f ${f} vs ${fWant}`);
    grad.forEach((g, i) => assert.ok(Math.abs(g - want[i]) <= 1e-12 * Math.abs(want[i]), `${name}: grad[${i}] ${g} vs ${want[i]}`));
  }
});
