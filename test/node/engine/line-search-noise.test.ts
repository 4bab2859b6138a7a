// The solver setting `noise`: a line search whose whole predicted decrease is
// below the objective's rounding is not tried. Refits driven to rounding then
// stop where they would have wandered in rounding noise: the same minimiser
// on every engine, for far fewer evaluations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readRuns } from '../../../src/core/runs.js';
import { fitDataFromRuns, fitSync } from '../../../src/core/fit.js';
import { refitScaling } from '../../../src/core/refit-scaling.js';
import { strongWolfe } from '../../../src/engine/js/linesearch.js';
import { Workspace } from '../../../src/engine/js/workspace.js';
import { createEngine } from '../../../src/engine/select.js';
import { wasmModule, WASM_BUILDS } from '../../../src/engine/wasm.js';
import { createResampler, indicesToWeights } from '../../../src/stats/resample.js';
import { defaultSpec, type EngineName } from '../../../src/engine/types.js';
import { CHINCHILLA_FILE, DROP_HIGHEST } from '../../fixtures/chinchilla-reference.js';

const runs = readRuns(readFileSync(new URL(`../../fixtures/data/${CHINCHILLA_FILE}`, import.meta.url), 'utf8'), { dropHighest: DROP_HIGHEST });
const data = fitDataFromRuns(runs);
const spec = defaultSpec();
const ENGINES: EngineName[] = [...WASM_BUILDS.filter((b) => wasmModule(b) !== null), 'js'];

test('a line search predicting less decrease than the rounding is not tried; one predicting more is', () => {
  const ws = new Workspace(1);
  let evaluations = 0;
  const parabola = (x: Float64Array, g: Float64Array) => { evaluations++; g[0] = 2 * (x[0] - 1); return 1 + (x[0] - 1) ** 2; };
  ws.x[0] = 1 + 1e-9; // f − 1 = 1e-18: below 1e-15·f
  ws.d[0] = -2e-9; // −∇f: predicted decrease 4e-18
  ws.noise = 1e-15;
  assert.equal(strongWolfe(ws, parabola, 1 + 1e-18, -4e-18, 1, Infinity), 0);
  assert.equal(evaluations, 0);
  ws.x[0] = 2; ws.d[0] = -2; // predicted decrease 4 ≫ 1e-15
  const t = strongWolfe(ws, parabola, 2, -4, 1, Infinity);
  assert.ok(t > 0 && evaluations > 0, `step ${t}, ${evaluations} evaluations`);
});

test('refits with noise 1e-15 end where refits without it do, on every engine, for at least a third fewer evaluations', () => {
  const fitted = fitSync(runs);
  const estimate = Float64Array.from(['a', 'b', 'e', 'alpha', 'beta'], (k) => fitted.theta[k]);
  const scaling = refitScaling(spec, data, estimate, false)!;
  const n = data.count, next = createResampler('numpy', 42, n), indices = new Int32Array(n);
  const weights = new Float64Array(150 * n);
  for (let k = 0; k < 150; k++) weights.set(indicesToWeights(next(indices), n), k * n);
  const rules = { maxIter: 10000, maxEvals: 100000, gtol: 1e-10, ftol: 1e-14 };
  const sum = (v: Int32Array) => v.reduce((a, x) => a + x, 0);
  for (const name of ENGINES) {
    const engine = createEngine(name);
    engine.setData(data);
    const z0 = scaling.toZ(estimate);
    const without = engine.fitWeighted(spec, weights, z0, rules, scaling.affine);
    const within = engine.fitWeighted(spec, weights, z0, { ...rules, noise: 1e-15 }, scaling.affine);
    let worst = 0;
    for (let i = 0; i < without.theta.length; i++) worst = Math.max(worst, Math.abs(within.theta[i] - without.theta[i]) / Math.abs(without.theta[i]));
    assert.ok(worst <= 2e-7, `${name}: θ ${worst} apart`);
    assert.ok(sum(within.evals) <= (2 / 3) * sum(without.evals), `${name}: ${sum(within.evals)} against ${sum(without.evals)} evaluations`);
  }
});
