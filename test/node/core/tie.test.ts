// Tied parameters (tie: 'alpha=beta'; src/engine/js/tie.ts and the tie in
// assembly/objective.ts). Reference: scipy 1.17.1 on Epoch's 240 digitised
// Chinchilla runs (test/fixtures/data, five highest losses dropped), the summed
// Huber of log residuals (δ = 1e-3) with β = α, L-BFGS-B from 721 starts
// (a, b ∈ {0, 5, …, 25}, e ∈ {−1, −0.5, 0, 0.5, 1}, α ∈ {0.1, 0.3, 0.5, 0.7} and
// one near the answer) with an analytic gradient, then BFGS: a 6.330713984724695,
// b 7.468562938114777, e 0.5977633931705439, α = β 0.3570578956208084,
// objective 0.0010221748939386317.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fitSync } from '../../../src/core/fit.js';
import { bootstrap } from '../../../src/core/bootstrap-fit.js';
import { resolveFitOptions } from '../../../src/core/fit-options.js';
import { fitDataFromRuns } from '../../../src/core/fit-data.js';
import { readRuns } from '../../../src/core/runs.js';
import { createEngine } from '../../../src/engine/select.js';
import { wasmModule, WASM_BUILDS } from '../../../src/engine/wasm.js';
import { OptionError } from '../../../src/errors.js';

const CSV = readFileSync(new URL('../../fixtures/data/chinchilla-svg-extracted.csv', import.meta.url), 'utf8');
const READ = { columns: { N: 'Model Size', C: 'Training FLOP', loss: 'loss' }, dropHighest: 5 };

for (const engine of ['auto', 'js'] as const) {
  test(`tie alpha=beta on Epoch's runs: scipy's optimum, both exponents reported (${engine})`, () => {
    const r = fitSync(CSV, { ...READ, tie: 'alpha=beta', engine, workers: 0 });
    assert.deepEqual(Object.keys(r.theta), ['a', 'b', 'e', 'alpha']);
    for (const [k, want] of [['a', 6.330713984724695], ['b', 7.468562938114777], ['e', 0.5977633931705439], ['alpha', 0.3570578956208084]] as const) {
      assert.ok(Math.abs(r.theta[k] - want) < 1e-7, `${k}: ${r.theta[k]}, want ${want}`);
    }
    assert.ok(r.objective <= 0.0010221748939386317 * (1 + 1e-12), `objective ${r.objective}`);
    const p = r.params as { alpha: number; beta: number };
    assert.equal(p.beta, p.alpha);
    assert.ok(r.certified);
  });
}

test('a tied objective is the untied one at the expanded θ, its gradient folded; every engine agrees', () => {
  const runs = readRuns(CSV, READ), data = fitDataFromRuns(runs);
  const tied = resolveFitOptions({ tie: 'alpha=beta' }).spec, free = resolveFitOptions({}).spec;
  const engines = [...WASM_BUILDS.filter((b) => wasmModule(b) !== null), 'js' as const].map((b) => createEngine(b));
  const t = Float64Array.of(6.1, 7.2, 0.55, 0.33);
  const full = Float64Array.of(6.1, 7.2, 0.55, 0.33, 0.33);
  for (const e of engines) {
    e.setData(data);
    const [g4, g5] = [new Float64Array(4), new Float64Array(5)];
    const f4 = e.objective(tied, t, g4), f5 = e.objective(free, full, g5);
    assert.equal(f4, f5, e.name);
    assert.deepEqual(Array.from(g4), [g5[0], g5[1], g5[2], g5[3] + g5[4]], e.name);
  }
});

test('tie names two different raw parameters of the form', () => {
  const named = (e: unknown) => e instanceof OptionError && e.option === 'tie';
  assert.throws(() => fitSync(CSV, { ...READ, tie: 'alpha' }), named);
  assert.throws(() => fitSync(CSV, { ...READ, tie: 'alpha=alpha' }), named);
  assert.throws(() => fitSync(CSV, { ...READ, tie: 'alpha=gamma' }), named);
});

test('a tied bootstrap reports alpha and beta, equal in every replicate', async () => {
  const r = await bootstrap(CSV, { ...READ, tie: 'alpha=beta', resamples: 20, seed: 3, engine: 'js', workers: 0 });
  const s = r.samples as Record<string, Float64Array>;
  assert.deepEqual(Array.from(s.alpha), Array.from(s.beta));
  assert.equal(r.failed, 0);
  await assert.rejects(bootstrap(CSV, { ...READ, tie: 'alpha=beta', resamples: 5, budgets: [1e23] }), (e: unknown) => e instanceof OptionError && e.option === 'budgets');
});
