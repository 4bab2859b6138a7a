// Bootstrap refits in scaled variables (src/core/refit-scaling.ts, the engines'
// `affine`): the same minimisers as unscaled refits on every engine, for fewer
// evaluations; the scaling inverts the Hessian it was made from; and the line
// search no longer spends evaluations on a point it has already evaluated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readRuns } from '../../../src/core/runs.js';
import { fitDataFromRuns, fitSync } from '../../../src/core/fit.js';
import { refitScaling } from '../../../src/core/refit-scaling.js';
import { hessian } from '../../../src/core/curvature.js';
import { affineTheta } from '../../../src/engine/js/affine.js';
import { lbfgs } from '../../../src/engine/js/lbfgs.js';
import { objective } from '../../../src/engine/js/objective.js';
import { Workspace } from '../../../src/engine/js/workspace.js';
import { createEngine } from '../../../src/engine/select.js';
import { wasmModule, WASM_BUILDS } from '../../../src/engine/wasm.js';
import { createResampler, indicesToWeights } from '../../../src/stats/resample.js';
import { defaultSpec, type EngineName } from '../../../src/engine/types.js';
import { CHINCHILLA_FILE, DROP_HIGHEST } from '../../fixtures/chinchilla-reference.js';

const runs = readRuns(readFileSync(new URL(`../../fixtures/data/${CHINCHILLA_FILE}`, import.meta.url), 'utf8'), { dropHighest: DROP_HIGHEST });
const data = fitDataFromRuns(runs);
const spec = defaultSpec();
const fitted = fitSync(runs);
const estimate = Float64Array.from(['a', 'b', 'e', 'alpha', 'beta'], (k) => fitted.theta[k]);
const HOFFMANN = Float64Array.of(6.0073404, 6.0179186, 0.5267228, 0.33917084, 0.2849083);
const SOLVER = { maxIter: 10000, maxEvals: 100000, gtol: 1e-10, ftol: 1e-14 };
const ENGINES: EngineName[] = [...WASM_BUILDS.filter((b) => wasmModule(b) !== null), 'js'];
const P = 5;

function resampleWeights(count: number): Float64Array {
  const n = data.count, next = createResampler('numpy', 42, n), indices = new Int32Array(n);
  const w = new Float64Array(count * n);
  for (let k = 0; k < count; k++) w.set(indicesToWeights(next(indices), n), k * n);
  return w;
}

test('scaled refits end where unscaled ones do, on every engine, for at least a quarter fewer evaluations', () => {
  const scaling = refitScaling(spec, data, estimate, false)!;
  const weights = resampleWeights(150);
  for (const name of ENGINES) {
    const engine = createEngine(name);
    engine.setData(data);
    const plain = engine.fitWeighted(spec, weights, HOFFMANN, SOLVER);
    const scaled = engine.fitWeighted(spec, weights, scaling.toZ(HOFFMANN), SOLVER, scaling.affine);
    let worst = 0;
    for (let i = 0; i < plain.theta.length; i++) worst = Math.max(worst, Math.abs(scaled.theta[i] - plain.theta[i]) / Math.abs(plain.theta[i]));
    // Both stop at rounding in a valley ~10⁷ times flatter one way than another: 6e-8 measured.
    assert.ok(worst <= 1e-6, `${name}: refitted θ ${worst} apart`);
    for (let k = 0; k < plain.f.length; k++) assert.ok(Math.abs(scaled.f[k] - plain.f[k]) <= 1e-13 * plain.f[k], `${name} refit ${k}: objective`);
    const sum = (v: Int32Array) => v.reduce((a, x) => a + x, 0);
    assert.ok(sum(scaled.evals) <= 0.75 * sum(plain.evals), `${name}: ${sum(scaled.evals)} against ${sum(plain.evals)} evaluations`);
  }
});

test('in z the curvature is 1 along the steep directions and between 1e-4 and 1 along the flat ones, and z₀ maps back to θ₀', () => {
  const scaling = refitScaling(spec, data, estimate, false)!;
  const L = scaling.affine.subarray(P), H = hessian(spec, data, estimate);
  // Lᵀ·H·L is diagonal: 1 where the Hessian was inverted, λ/(1e-4·top) ≥ 1e-4·… where its curvature was floored.
  const diagonal: number[] = [];
  for (let a = 0; a < P; a++) {
    for (let b = 0; b < P; b++) {
      let v = 0;
      for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) v += L[i * P + a] * H[i * P + j] * L[j * P + b];
      if (a === b) diagonal.push(v);
      else assert.ok(Math.abs(v) <= 1e-6, `(LᵀHL)[${a}][${b}] = ${v}`);
    }
  }
  // The Chinchilla Hessian's eigenvalues span 10⁷: the three steepest are inverted, the two flattest floored.
  assert.equal(diagonal.filter((v) => Math.abs(v - 1) <= 1e-6).length, 3, diagonal.join(', '));
  for (const v of diagonal) assert.ok(v >= 1e-4 && v <= 1 + 1e-6, diagonal.join(', '));
  const back = new Float64Array(P);
  affineTheta(scaling.affine, P, scaling.toZ(HOFFMANN), back);
  for (let i = 0; i < P; i++) assert.ok(Math.abs(back[i] - HOFFMANN[i]) <= 1e-12 * Math.abs(HOFFMANN[i]), `θ₀[${i}]: ${back[i]}`);
  // θ = origin + L·z by hand, for a 2-parameter map.
  affineTheta(Float64Array.of(1, 2, /* L */ 3, 4, 5, 6), 2, [10, 100], back);
  assert.deepEqual(Array.from(back.subarray(0, 2)), [1 + 30 + 400, 2 + 50 + 600]);
});

test('no scaling with bounds (a box in θ is none in z) or for the piecewise-linear asymmetric loss', () => {
  assert.equal(refitScaling(spec, data, estimate, true), undefined);
  assert.equal(refitScaling(defaultSpec({ loss: 'asymmetric' }), data, estimate, false), undefined);
});

test('a fit driven to rounding never evaluates the same point twice in a row', () => {
  const ws = new Workspace(P);
  ws.x.set(HOFFMANN);
  const points: string[] = [];
  const fn = (x: Float64Array, g: Float64Array) => {
    points.push(Array.from(x, (v) => v.toString(16)).join(' '));
    return objective(data, spec, x, g);
  };
  const out = { f: 0, iterations: 0, status: 0 };
  lbfgs(ws, fn, { maxIter: 10000, maxEvals: 100000, gtol: 0, ftol: 0 }, out);
  const repeats = points.filter((p, i) => i > 0 && p === points[i - 1]).length;
  assert.equal(repeats, 0, `${repeats} of ${points.length} evaluations repeated the point before them`);
});
