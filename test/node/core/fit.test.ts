// fit() end to end: the exact Chinchilla optimum on every engine Node runs,
// recovery of known laws from noise-free synthetic runs, bounds, workers
// against the calling thread, and option errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fit, fitSync } from '../../../src/core/fit.js';
import { OptionError, DataError } from '../../../src/errors.js';
import { wasmModule, WASM_BUILDS } from '../../../src/engine/wasm.js';
import { generateRuns } from '../../../src/data/synthetic.js';
import { CHINCHILLA_FILE, DROP_HIGHEST, RUNS_AFTER_DROP, compareOptimum } from '../../fixtures/chinchilla-reference.js';

const csv = readFileSync(new URL(`../../fixtures/data/${CHINCHILLA_FILE}`, import.meta.url), 'utf8');
const engines = [...WASM_BUILDS.filter((b) => wasmModule(b) !== null), 'js'] as const;

for (const engine of engines) {
  test(`${engine}: the exact 4,500-start fit reaches the reference optimum`, async () => {
    const r = engine === 'js' ? fitSync(csv, { dropHighest: DROP_HIGHEST, strategy: 'exact', engine }) : await fit(csv, { dropHighest: DROP_HIGHEST, strategy: 'exact', engine });
    assert.equal(r.runs, RUNS_AFTER_DROP);
    assert.equal(r.engine, engine);
    assert.ok(r.starts.total >= 4500 && r.starts.total <= 4502, `${r.starts.total}`); // Hoffmann's grid and up to two negative-exponent starts
    assert.equal(compareOptimum(r.objective, r.params as unknown as Record<string, number>), null);
    assert.equal(r.converged, true);
    assert.ok(r.starts.withinTolerance >= 1 && r.starts.withinTolerance < 4500);
    assert.equal(r.params.A, Math.exp(r.theta.a));
  });
}

test('workers and the calling thread give bit-identical fits on the same engine', async () => {
  const starts = Array.from({ length: 96 }, (_, i) => ({ a: 4 + (i % 4), b: 5 + (i % 6), e: 0.5, alpha: 0.3 + 0.01 * (i % 5), beta: 0.3 }));
  const a = await fit(csv, { dropHighest: 5, engine: 'simd', starts, workers: 2 });
  const b = fitSync(csv, { dropHighest: 5, engine: 'simd', starts });
  assert.equal(a.workers, 2);
  assert.equal(b.workers, 0);
  assert.deepEqual(a.theta, b.theta);
  assert.equal(a.objective, b.objective);
});

const law = { A: 406.4, B: 410.7, E: 1.69, alpha: 0.34, beta: 0.28 };
const clean = generateRuns({ law, sigma: 0 });

for (const loss of ['huber', 'squared'] as const) {
  for (const engine of ['simd', 'js'] as const) {
    test(`${engine}/${loss}: recovers a known law from noise-free runs to 1e-6`, () => {
      const starts = [{ a: 5, b: 5, e: 0.5, alpha: 0.5, beta: 0.5 }, { a: 10, b: 10, e: 0, alpha: 1, beta: 1 }];
      const r = fitSync(clean, { loss, engine, starts });
      for (const k of ['A', 'B', 'E', 'alpha', 'beta'] as const) {
        assert.ok(Math.abs(r.params[k] - law[k]) <= 1e-6 * law[k], `${k}: ${r.params[k]} vs ${law[k]}`);
      }
      assert.equal(r.converged, true);
    });
  }
}

test('box bounds hold a parameter at its bound, the same on both engines', () => {
  const starts = [{ a: 6, b: 7, e: 0.6, alpha: 0.3, beta: 0.3 }];
  const opts = { dropHighest: 5, starts, upper: { alpha: 0.3 }, lower: { beta: 0.4 } };
  const w = fitSync(csv, { ...opts, engine: 'simd' });
  const j = fitSync(csv, { ...opts, engine: 'js' });
  assert.equal(w.theta.alpha, 0.3);
  assert.equal(w.theta.beta, 0.4);
  assert.ok(Math.abs(w.objective - j.objective) <= 1e-9 * j.objective, `${w.objective} vs ${j.objective}`);
  // Held away from the free optimum, the objective must be worse than it.
  assert.ok(w.objective > 0.001018274017800597 * (1 + 1e-6));
});

test('bad options throw an OptionError naming the option', () => {
  const cases: [object, string][] = [
    [{ delta: 0 }, 'delta'], [{ delta: Number.NaN }, 'delta'], [{ loss: 'l1' }, 'loss'], [{ form: 'kaplan2' }, 'form'],
    [{ strategy: 'quick' }, 'strategy'], [{ engine: 'gpu' }, 'engine'], [{ workers: -1 }, 'workers'],
    [{ maxIterations: 0 }, 'maxIterations'], [{ starts: [] }, 'starts'], [{ starts: [{ a: 1 }] }, 'starts[0].b'],
    [{ lower: { gamma: 1 } }, 'lower.gamma'], [{ lower: { alpha: 1 }, upper: { alpha: 0 } }, 'lower.alpha'],
  ];
  for (const [options, option] of cases) {
    assert.throws(() => fitSync(csv, options as never), (e: unknown) => e instanceof OptionError && e.option === option, JSON.stringify(options));
  }
});

test('too few runs for five parameters is a data error', () => {
  assert.throws(() => fitSync('N,D,loss\n1e9,2e10,3\n2e9,4e10,2.9\n', {}), (e: unknown) => e instanceof DataError && e.code === 'too-few-runs');
});

test('fits that interleave (one waiting on workers, others running meanwhile) give the same results as alone', async () => {
  const other = generateRuns({ law, sigma: 0.01, seed: 7 });
  const alone = fitSync(csv, { dropHighest: 5, strategy: 'exact', engine: 'simd', starts: undefined });
  const otherAlone = fitSync(other, { engine: 'simd' });
  const pending = fit(csv, { dropHighest: 5, strategy: 'exact', engine: 'simd' });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const during = fitSync(other, { engine: 'simd' }); // loads other data into the shared engine mid-fit
  const [together] = await Promise.all([pending, fit(other, { engine: 'simd', strategy: 'exact', workers: 0 })]);
  assert.equal(together.objective, alone.objective);
  assert.deepEqual(together.theta, alone.theta);
  assert.equal(during.objective, otherAlone.objective);
});
