// The task forms fitted end to end on Gadre et al.'s testbed (test/fixtures/data,
// MIT): task-exp on the 17-task mean error against C4 validation loss, and
// task-sigmoid on HellaSwag accuracy (1 − err_hellaswag) against the same loss.
// Reference numbers: scipy 1.17.1 least_squares (method 'lm', xtol = ftol =
// gtol = 1e-15) on the same columns, several starts, best kept:
//   task-exp     eps 0.848636056509, k 2.586266209458, gamma 0.795569257136, Σr² 0.030415789254711542
//   task-sigmoid a 0.721782809553, x0 2.546016831305, k −3.392488106476, b 0.248971425337, Σr² 0.018999686345669734
// Starts that scipy ends at differ in the 8th digit (the valley is that flat), hence 1e-6 on parameters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { fitSync, fit } from '../../../src/core/fit.js';
import { bootstrap } from '../../../src/core/bootstrap-fit.js';
import { evaluateLaw } from '../../../src/core/forms-eval.js';
import { parseColumnSpec } from '../../../src/core/column-spec.js';
import { LAWS } from '../../../src/laws/index.js';
import { DataError } from '../../../src/errors.js';
import { readRuns } from '../../../src/core/runs.js';
import { backtest } from '../../../src/core/backtest.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/data/${name}`, import.meta.url), 'utf8');
const GADRE = fixture('gadre2024-overtraining-models.csv');
const models = csvParse(GADRE);
const tasks = new Map(csvParse(fixture('gadre2024-downstream-task-errors.csv')).map((r) => [r.name, r]));
const hellaswag = models.filter((r) => tasks.has(r.name!)).map((r) => ({
  N: +r.N!, D: +r.D!, loss: +r.loss_c4_val!, accuracy: 1 - +tasks.get(r.name!)!.err_hellaswag!,
}));

const near = (got: number, want: number, rel: number, what: string) =>
  assert.ok(Math.abs(got - want) <= rel * Math.abs(want), `${what}: ${got}, want ${want} (±${rel} relative)`);

for (const engine of ['auto', 'js'] as const) {
  test(`task-exp on Gadre's 17-task error reproduces scipy (${engine})`, () => {
    const r = fitSync(GADRE, { form: 'task-exp', columns: { loss: 'loss_c4_val' }, metric: 'err_avg17', engine, workers: 0 });
    assert.equal(r.loss, 'squared-raw', 'least squares on the raw metric, as the paper fits it');
    near(r.params.eps, 0.848636056509, 1e-6, 'eps');
    near(r.params.k, 2.586266209458, 1e-6, 'k');
    near(r.params.gamma, 0.795569257136, 1e-6, 'gamma');
    assert.ok(r.objective <= 0.030415789254711542 * (1 + 1e-13), `objective ${r.objective}`);
    assert.ok(r.converged && r.certified, JSON.stringify(r.diagnostics));
    assert.deepEqual(r.columns, { N: 'N', D: 'D', C: 'C_6ND', loss: 'loss_c4_val', metric: 'err_avg17' });
  });

  test(`task-sigmoid on HellaSwag accuracy reproduces scipy, reported with a > 0 (${engine})`, () => {
    for (const strategy of ['fast', 'exact'] as const) {
      const r = fitSync(hellaswag, { form: 'task-sigmoid', strategy, engine, workers: 0 });
      assert.deepEqual([r.columns.loss, r.columns.metric], ['loss', 'accuracy'], 'the metric column recognised by its name');
      near(r.params.a, 0.721782809553, 1e-6, 'a');
      near(r.params.x0, 2.546016831305, 1e-6, 'x0');
      near(r.params.k, -3.392488106476, 1e-6, 'k');
      near(r.params.b, 0.248971425337, 1e-6, 'b');
      assert.ok(r.objective <= 0.018999686345669745 * (1 + 1e-13), `objective ${r.objective}`);
      assert.ok(r.converged && r.certified, `${strategy}: ${JSON.stringify(r.diagnostics)}`);
    }
  });
}

test('the sigmoid\'s mirror image is the same curve, and canonical() turns it into the one with a ≥ 0', () => {
  const t = Float64Array.of(-0.7, 2.5, 3.4, 0.95), law = LAWS['task-sigmoid'];
  const before = law.fromTheta({} as never, t);
  law.canonical!(t);
  assert.deepEqual(Array.from(t), [0.7, 2.5, -3.4, 0.95 - 0.7]);
  for (const L of [1.5, 2.5, 4]) near(evaluateLaw(law.fromTheta({} as never, t), { L }), evaluateLaw(before, { L }), 1e-15, `Acc(${L})`);
});

test('task laws evaluate at a loss L: hand values', () => {
  // 0.8 − 2·e^(−4.5) and 0.5/(1 + e^(−(−2)(3 − 2.5))) + 0.25 = 0.5/(1 + e) + 0.25.
  near(evaluateLaw({ form: 'task-exp', variable: 'L', params: { eps: 0.8, k: 2, gamma: 1.5 } }, { L: 3 }), 0.8 - 2 * Math.exp(-4.5), 1e-15, 'task-exp');
  near(evaluateLaw({ form: 'task-sigmoid', variable: 'L', params: { a: 0.5, x0: 2.5, k: -2, b: 0.25 } }, { L: 3 }), 0.5 / (1 + Math.E) + 0.25, 1e-15, 'task-sigmoid');
  assert.throws(() => evaluateLaw({ form: 'task-exp', variable: 'L', params: { eps: 0.8, k: 2, gamma: 1.5 } }, { N: 3 }), /point\.L/);
});

test('a task fit without a metric column, or a log loss on a metric of 0, is a DataError naming it', () => {
  assert.throws(() => fitSync(GADRE, { form: 'task-exp', workers: 0 }), (e: unknown) => e instanceof DataError && e.code === 'missing-column');
  const zero = hellaswag.map((r, i) => ({ ...r, accuracy: i === 3 ? 0 : r.accuracy }));
  assert.throws(() => fitSync(zero, { form: 'task-sigmoid', loss: 'huber', workers: 0 }), (e: unknown) =>
    e instanceof DataError && e.detail?.key === 'metric-not-positive' && e.row === 4 && e.column === 'accuracy');
  // Least squares on the raw metric takes a 0 like any score.
  assert.ok(Number.isFinite(fitSync(zero, { form: 'task-sigmoid', workers: 0, engine: 'js' }).objective));
});

test('metric= in a column spec names the metric column', () => {
  assert.deepEqual(parseColumnSpec('loss=loss_c4_val,metric=err_avg17'), { columns: { loss: 'loss_c4_val' }, metric: 'err_avg17' });
});

test('fit (workers) and fitSync agree on a task fit', async () => {
  const options = { form: 'task-exp' as const, columns: { loss: 'loss_c4_val' }, metric: 'err_avg46', engine: 'js' as const };
  const a = fitSync(GADRE, { ...options, workers: 0 }), b = await fit(GADRE, { ...options, workers: 2 });
  near(b.objective, a.objective, 1e-12, 'objective');
});

test('bootstrap of a task fit: intervals about the estimate; sigmoid replicates all reported with a ≥ 0', async () => {
  const exp = await bootstrap(GADRE, { form: 'task-exp', columns: { loss: 'loss_c4_val' }, metric: 'err_avg17', resamples: 40, seed: 7, engine: 'js', workers: 0 });
  for (const k of ['eps', 'k', 'gamma']) {
    const p = exp.params[k];
    assert.ok(p.estimate !== undefined && p.lo < p.estimate && p.estimate < p.hi, `${k}: ${JSON.stringify(p)}`);
  }
  const sig = await bootstrap(hellaswag, { form: 'task-sigmoid', resamples: 40, seed: 7, engine: 'js', workers: 0 });
  assert.ok(sig.samples.a.every((a) => Number.isNaN(a) || a >= 0), 'every replicate canonical');
  assert.ok(sig.failed < 40);
});

test('backtest of a task law predicts each held-out score from that run\'s own loss', async () => {
  const runs = readRuns(GADRE, { columns: { loss: 'loss_c4_val' }, metric: 'err_avg17' });
  const r = await backtest(runs, { holdoutLargest: 5, fitOptions: { form: 'task-exp', engine: 'js', workers: 0 } });
  assert.equal(r.predictions.length, 5);
  const { eps, k, gamma } = r.fit.params as { eps: number; k: number; gamma: number };
  for (const p of r.predictions) {
    const i = Array.from(runs.rows).indexOf(p.row);
    assert.equal(p.loss, runs.loss[i]);
    assert.equal(p.metric, runs.metric![i]);
    near(p.predicted, eps - k * Math.exp(-gamma * p.loss), 1e-14, `row ${p.row}`);
    near(p.relativeError, (p.predicted - p.metric!) / p.metric!, 1e-14, `row ${p.row} error`);
  }
  near(r.summary.rmseLogLoss, Math.sqrt(r.predictions.reduce((s, p) => s + Math.log(p.predicted / p.metric!) ** 2, 0) / 5), 1e-14, 'rmse');
});

test('a score that never changes is an error diagnostic naming the score, not the loss; the fit is not certified', () => {
  const flat = hellaswag.map((r) => ({ ...r, accuracy: 0.25 }));
  const r = fitSync(flat, { form: 'task-sigmoid', engine: 'js', workers: 0 });
  const d = r.diagnostics.find((x) => x.code === 'constant-metric');
  assert.ok(d && d.severity === 'error', JSON.stringify(r.diagnostics.map((x) => x.code)));
  assert.ok(!r.diagnostics.some((x) => x.code === 'constant-loss'));
  assert.equal(r.certified, false);
});

test('scores too large for squared residuals: the error names the score column, not the loss', () => {
  const huge = hellaswag.map((r, i) => ({ ...r, accuracy: (1 + i / 100) * 1e300 }));
  assert.throws(() => fitSync(huge, { form: 'task-exp', engine: 'js', workers: 0 }), (e: unknown) =>
    e instanceof DataError && e.column === 'accuracy' && /divide column "accuracy" by 1e300/.test(e.message));
});
