// Two laws as a compute multiplier (src/core/compare.ts, compare-bootstrap.ts).
// Hand values: mpmath at 40 digits with the closed form of the Chinchilla law's
// compute-optimal loss, L*(C) = E + K·(C/6)^(−αβ/(α+β)), K = A·G^(−α) + B·G^β,
// inverted for A's compute: C_A = 6·((L − E_A)/K_A)^(−(α+β)/(αβ)). A is Hoffmann
// et al.'s rounded law (406.4, 410.7, 1.69, 0.34, 0.28), B Epoch's headline
// (482.01, 2085.43, 1.817, 0.3478, 0.3658).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { computeMultiplier } from '../../../src/core/compare.js';
import { bootstrapMultiplier } from '../../../src/core/compare-bootstrap.js';
import { bootstrap } from '../../../src/core/bootstrap-fit.js';
import { summarize } from '../../../src/core/bootstrap.js';
import { OptionError } from '../../../src/errors.js';
import type { ChinchillaLaw } from '../../../src/laws/index.js';

const HOFFMANN: ChinchillaLaw = { form: 'chinchilla', params: { A: 406.4, B: 410.7, E: 1.69, alpha: 0.34, beta: 0.28 } };
const EPOCH: ChinchillaLaw = { form: 'chinchilla', params: { A: 482.01, B: 2085.43, E: 1.817, alpha: 0.3478, beta: 0.3658 } };
const near = (got: number, want: number, rel: number, what: string) =>
  assert.ok(Math.abs(got - want) <= rel * Math.abs(want), `${what}: ${got}, want ${want}`);

test('the multiplier drifts with scale: hand values at 1e21, 1e23 and 1e25 FLOPs', () => {
  const m = computeMultiplier(HOFFMANN, EPOCH, [1e21, 1e23, 1e25]);
  near(m[0].loss, 2.305328571261457254, 1e-13, 'L_B*(1e21)');
  near(m[0].multiplier, 1.277167944890415487, 1e-10, 'k(1e21)');
  near(m[1].computeA, 5.871038305511993733e22, 1e-10, 'C_A(1e23)');
  near(m[1].multiplier, 0.5871038305511993733, 1e-10, 'k(1e23)');
  near(m[2].multiplier, 0.09902268641962755151, 1e-10, 'k(1e25)');
});

test('a loss at or below A\'s floor needs infinite compute; bad budgets are named', () => {
  const high: ChinchillaLaw = { form: 'chinchilla', params: { ...HOFFMANN.params, E: 2.5 } };
  const [m] = computeMultiplier(high, EPOCH, [1e25]);
  assert.equal(m.computeA, Infinity);
  assert.equal(m.multiplier, Infinity);
  assert.throws(() => computeMultiplier(HOFFMANN, EPOCH, [1e21, 0]), (e: unknown) => e instanceof OptionError && e.option === 'budgets[1]');
  assert.throws(() => computeMultiplier(HOFFMANN, { form: 'nope' } as never, [1e21]), (e: unknown) => e instanceof OptionError && e.option.startsWith('lawB'));
});

test('bootstrapMultiplier: each set resampled on its own (seeds s and s + 1), replicate k of each composed', async () => {
  const rows = csvParse(readFileSync(new URL('../../fixtures/data/gadre2024-overtraining-models.csv', import.meta.url), 'utf8'));
  const set = (name: string) => rows.filter((r) => r.dataset === name).map((r) => ({ N: +r.N!, D: +r.D!, loss: +r.loss_c4_val! }));
  const [a, b] = [set('c4_original'), set('rpj')];
  const budgets = [1e21, 1e23];
  const js = { engine: 'js' as const, workers: 0 };
  const r = await bootstrapMultiplier(a, b, { fitA: js, fitB: js, budgets, resamples: 30, seed: 5 });
  const [bootA, bootB] = [await bootstrap(a, { ...js, resamples: 30, seed: 5 }), await bootstrap(b, { ...js, resamples: 30, seed: 6 })];
  const law = (s: typeof bootA.samples, k: number): ChinchillaLaw => ({ form: 'chinchilla', params: { A: s.A[k], B: s.B[k], E: s.E[k], alpha: s.alpha[k], beta: s.beta[k] } });
  const by = budgets.map(() => new Float64Array(30).fill(NaN));
  for (let k = 0; k < 30; k++) computeMultiplier(law(bootA.samples, k), law(bootB.samples, k), budgets).forEach((m, j) => { by[j][k] = m.multiplier; });
  for (const [j, C] of budgets.entries()) {
    const want = summarize(by[j], 0.95, undefined), got = r.budgets[j].multiplier;
    near(got.lo, want.lo, 1e-9, `lo at ${C}`);
    near(got.hi, want.hi, 1e-9, `hi at ${C}`);
    assert.equal(got.estimate, computeMultiplier(r.fitA.law, r.fitB.law, [C])[0].multiplier);
    assert.ok(got.lo <= got.estimate! && got.estimate! <= got.hi, JSON.stringify(got));
  }
  assert.equal(r.failed, 0);
});

test('bootstrapMultiplier reports progress over both sets\' refits, up to twice the resamples', async () => {
  const rows = csvParse(readFileSync(new URL('../../fixtures/data/gadre2024-overtraining-models.csv', import.meta.url), 'utf8'));
  const set = (name: string) => rows.filter((r) => r.dataset === name).map((r) => ({ N: +r.N!, D: +r.D!, loss: +r.loss_c4_val! }));
  const js = { engine: 'js' as const, workers: 0 };
  const seen: number[] = [];
  await bootstrapMultiplier(set('c4_original'), set('rpj'), { fitA: js, fitB: js, budgets: [1e22], resamples: 12, seed: 5,
    onProgress: (done, total) => { assert.equal(total, 24); seen.push(done); } });
  assert.equal(seen[seen.length - 1], 24);
  assert.ok(seen.includes(12) && seen.every((d, k) => k === 0 || d >= seen[k - 1]), JSON.stringify(seen));
});
