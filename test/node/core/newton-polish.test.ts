// Newton's last steps (src/core/newton-polish.ts). L-BFGS ends anywhere in the flat bottom of a
// smooth minimum; Newton on the gradient ends at the minimiser itself. Shown on the 240
// Chinchilla runs, where the default fit's own answer lies 8e-8 (relative) from the minimiser:
// points scattered 1e-7 around that answer, whose objectives differ by under 1e-8 (relative),
// come back to one point, to 1e-12 (4e-15 measured); and the exact strategy gives the same
// parameters in every engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fitSync } from '../../../src/core/fit.js';
import { newtonPolish } from '../../../src/core/newton-polish.js';
import { fitDataFromRuns } from '../../../src/core/fit-data.js';
import { objective } from '../../../src/engine/js/objective.js';
import { readRuns } from '../../../src/core/runs.js';
import { resolveFitOptions } from '../../../src/core/fit-options.js';
import { CHINCHILLA_FILE, DROP_HIGHEST } from '../../fixtures/chinchilla-reference.js';

const runs = readRuns(readFileSync(new URL(`../../fixtures/data/${CHINCHILLA_FILE}`, import.meta.url), 'utf8'), { dropHighest: DROP_HIGHEST });
const maxRel = (a: Float64Array, b: Float64Array) => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]) / Math.abs(b[i])), 0);

test('points scattered in the flat bottom come back to one minimiser, none higher', () => {
  const { spec } = resolveFitOptions({});
  const data = fitDataFromRuns(runs);
  const fitted = fitSync(runs, { engine: 'js' });
  const optimum = Float64Array.from(Object.values(fitted.theta) as number[]);
  const grad = new Float64Array(optimum.length);
  const f0 = objective(data, spec, optimum, grad);
  const ends: Float64Array[] = [];
  for (let k = 0; k < 6; k++) {
    // Each parameter moved by ±1e-7 relative, in six different sign patterns.
    const start = optimum.map((v, i) => v * (1 + 1e-7 * Math.sin(3 * k + 5 * i + 1)));
    const fStart = objective(data, spec, start, grad);
    assert.ok(Math.abs(fStart - f0) <= 1e-8 * f0, 'the start is in the flat bottom');
    const end = newtonPolish(spec, data, start);
    assert.ok(objective(data, spec, end, grad) <= fStart, 'never higher');
    ends.push(end);
  }
  for (const end of ends.slice(1)) assert.ok(maxRel(end, ends[0]) <= 1e-12, `ends ${maxRel(end, ends[0])} apart`);
  // And L-BFGS's own answer is taken to that same point.
  assert.ok(maxRel(newtonPolish(spec, data, optimum), ends[0]) <= 1e-12);
});

test('the exact strategy gives the same parameters in every engine, to 1e-10 (was √ε, about 1e-8)', () => {
  const js = fitSync(runs, { strategy: 'exact', engine: 'js' });
  for (const engine of ['relaxed-simd', 'simd', 'scalar'] as const) {
    const w = fitSync(runs, { strategy: 'exact', engine });
    assert.ok(Math.abs(w.objective - js.objective) <= 1e-12 * js.objective);
    for (const k of Object.keys(js.theta)) {
      const a = w.theta[k] as number, b = js.theta[k] as number;
      assert.ok(Math.abs(a - b) <= 1e-10 * Math.abs(b), `${engine} ${k}: ${a} vs ${b}`);
    }
    assert.equal(w.certified, true);
  }
});
