// Every form and loss: analytic gradients against central differences, the
// WebAssembly builds against the TypeScript twin, and recovery of known laws
// from noise-free synthetic runs on every engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitSync } from '../../../src/core/fit.js';
import { fitDataFromRuns } from '../../../src/core/fit.js';
import { runsFromArrays, readRuns } from '../../../src/core/runs.js';
import { resolveFitOptions } from '../../../src/core/fit-options.js';
import { createEngine } from '../../../src/engine/select.js';
import { wasmModule, WASM_BUILDS } from '../../../src/engine/wasm.js';
import { LOSS_IDS, paramCount, type LossName } from '../../../src/engine/types.js';
import { LAW_CASES, synthesize, maxRelativeError } from '../../fixtures/synthetic-laws.js';

const engines = [...WASM_BUILDS.filter((b) => wasmModule(b) !== null), 'js'] as const;
const losses = Object.keys(LOSS_IDS) as LossName[];

/** Runs with ±3% deterministic wobble, so residuals are non-zero and every loss branch is taken. */
function noisyRuns(c: (typeof LAW_CASES)[number]) {
  const s = synthesize(c.law, (i) => 1 + 0.03 * Math.sin(7.1 * i));
  return readRuns({ N: s.N, D: s.D, U: s.U, loss: s.loss });
}

for (const c of LAW_CASES) {
  for (const loss of losses) {
    test(`${c.name}/${loss}: analytic gradient matches central differences; WebAssembly matches the twin`, () => {
      const { spec } = resolveFitOptions({ ...c.options, loss, delta: 0.01 });
      const data = fitDataFromRuns(noisyRuns(c));
      const P = paramCount(spec);
      // A point away from the optimum: the first default start of a nearby law.
      const theta = Float64Array.from({ length: P }, (_, j) => 0.3 + 0.1 * j);
      if (c.name === 'chinchilla') theta.set([6, 6, 0.5, 0.3, 0.3]);
      if (c.name === 'kaplan') theta.set([30, 29, 0.08, 0.1]);
      if (c.name === 'power') theta.set([32, 0.07]);
      if (c.name === 'broken') theta.set([-0.5, 4, 0.1, 0.3, 24, -0.5]);
      if (c.name === 'overtrained') theta.set([0.5, 5, 6, 0.15]);
      const twin = createEngine('js');
      twin.setData(data);
      const grad = new Float64Array(P);
      const f = twin.objective(spec, theta, grad);
      assert.ok(Number.isFinite(f) && f > 0, `f = ${f}`);
      for (let j = 0; j < P; j++) {
        const h = 1e-6 * Math.max(1, Math.abs(theta[j]));
        const up = Float64Array.from(theta), down = Float64Array.from(theta);
        up[j] += h; down[j] -= h;
        const g = new Float64Array(P);
        const numeric = (twin.objective(spec, up, g) - twin.objective(spec, down, g)) / (2 * h);
        assert.ok(Math.abs(numeric - grad[j]) <= 1e-5 * Math.max(Math.abs(grad[j]), 1e-3 * f), `∂f/∂θ${j}: analytic ${grad[j]}, numeric ${numeric}`);
      }
      for (const name of engines.filter((e) => e !== 'js')) {
        const engine = createEngine(name);
        engine.setData(data);
        const g = new Float64Array(P);
        const fw = engine.objective(spec, theta, g);
        assert.ok(Math.abs(fw - f) <= 1e-12 * f, `${name}: f ${fw} vs ${f}`);
        g.forEach((v, j) => assert.ok(Math.abs(v - grad[j]) <= 1e-11 * Math.abs(grad[j]) + 1e-14 * f, `${name}: grad[${j}] ${v} vs ${grad[j]}`));
      }
    });
  }
}

for (const c of LAW_CASES) {
  for (const engine of engines) {
    test(`${c.name} on ${engine}: recovers the law from noise-free runs to 1e-6 with the default strategy`, () => {
      const s = synthesize(c.law);
      const runs = runsFromArrays({ N: s.N, D: s.D, loss: s.loss });
      const input = c.name === 'data-constrained' ? { N: s.N, D: s.D, U: s.U, loss: s.loss } : runs;
      const r = fitSync(input, { ...c.options, engine });
      assert.equal(r.form, c.law.form);
      assert.equal(r.converged, true, r.status);
      const err = maxRelativeError(c.law.params, r.params);
      assert.ok(err <= 1e-6, `largest relative error ${err}`);
    });
  }
}
