// Chained prediction compute → loss → score (src/core/chain.ts, chain-bootstrap.ts,
// chain-backtest.ts). Hand values: mpmath at 40 digits with Epoch's headline law
// (A 482.01, B 2085.43, E 1.817, α 0.3478, β 0.3658; Besiroglu et al. 2024) and the
// task laws below. The joint bootstrap is checked against the two bootstraps run
// separately with the same seed and composed replicate by replicate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { predictChain } from '../../../src/core/chain.js';
import { bootstrapChain } from '../../../src/core/chain-bootstrap.js';
import { backtestChain } from '../../../src/core/chain-backtest.js';
import { bootstrap } from '../../../src/core/bootstrap-fit.js';
import { fitSync } from '../../../src/core/fit.js';
import { summarize } from '../../../src/core/bootstrap.js';
import { readRuns } from '../../../src/core/runs.js';
import { OptionError, DataError } from '../../../src/errors.js';
import type { ChinchillaLaw, TaskExpLaw, TaskSigmoidLaw } from '../../../src/laws/index.js';

const EPOCH: ChinchillaLaw = { form: 'chinchilla', params: { A: 482.01, B: 2085.43, E: 1.817, alpha: 0.3478, beta: 0.3658 } };
const ERR: TaskExpLaw = { form: 'task-exp', variable: 'L', params: { eps: 0.85, k: 2.6, gamma: 0.8 } };
const ACC: TaskSigmoidLaw = { form: 'task-sigmoid', variable: 'L', params: { a: 0.72, x0: 2.55, k: -3.39, b: 0.25 } };
const near = (got: number, want: number, rel: number, what: string) =>
  assert.ok(Math.abs(got - want) <= rel * Math.abs(want), `${what}: ${got}, want ${want}`);

const GADRE = readFileSync(new URL('../../fixtures/data/gadre2024-overtraining-models.csv', import.meta.url), 'utf8');
const READ = { columns: { loss: 'loss_c4_val' }, metric: 'err_avg17' };

test('predictChain at (N, D) and at C alone: the hand values', () => {
  const [at, sig] = [predictChain(EPOCH, ERR, [{ N: 7e10, D: 1.4e12 }])[0], predictChain(EPOCH, ACC, [{ N: 7e10, D: 1.4e12 }])[0]];
  near(at.loss, 1.973681863158563868, 1e-14, 'L');
  near(at.metric, 0.3138997198076744308, 1e-14, 'Err');
  near(sig.metric, 0.8806131079961279302, 1e-14, 'Acc');
  assert.equal(at.C, 6 * 7e10 * 1.4e12);
  const [c] = predictChain(EPOCH, ERR, [{ C: 5.76e23 }]);
  near(c.N, 72248702500.38221, 1e-12, 'N*');
  near(c.D, 1328743585388.1547, 1e-12, 'D*');
  near(c.loss, 1.974241108397412201, 1e-14, 'L*');
  near(c.metric, 0.3141395153852548024, 1e-14, 'Err*');
});

test('predictChain refuses swapped laws and unusable points, naming them', () => {
  const option = (name: string) => (e: unknown) => e instanceof OptionError && e.option === name;
  assert.throws(() => predictChain(ERR as never, ERR, [{ C: 1e23 }]), option('lossLaw'));
  assert.throws(() => predictChain(EPOCH, EPOCH as never, [{ C: 1e23 }]), option('taskLaw'));
  assert.throws(() => predictChain(EPOCH, ERR, { C: 1e23 } as never), option('points'));
  assert.throws(() => predictChain(EPOCH, ERR, [{ C: 1e23 }, {}]), option('points[1].C'));
  assert.throws(() => predictChain(EPOCH, ERR, [{ N: 1e9 }]), option('point.D'));
  assert.throws(() => predictChain(EPOCH, ERR, Array.from({ length: 100_001 }, () => ({ C: 1e23 }))), option('points'));
});

test('bootstrapChain pairs the two steps replicate by replicate: the same as both bootstraps run apart and composed', async () => {
  const at = [{ N: 6.9e9, D: 1.38e11 }, { N: 1.4e9, D: 9.2e11 }];
  const common = { resamples: 30, seed: 11, engine: 'js' as const, workers: 0 };
  const r = await bootstrapChain(GADRE, { ...READ, taskFit: { form: 'task-exp', engine: 'js', workers: 0 }, lossFit: { engine: 'js', workers: 0 }, at, resamples: 30, seed: 11 });
  const runs = readRuns(GADRE, READ);
  const lossBoot = await bootstrap(runs, { ...common });
  const taskBoot = await bootstrap(runs, { form: 'task-exp', ...common });
  const s = lossBoot.samples, t = taskBoot.samples as Record<string, Float64Array>;
  for (const [j, p] of at.entries()) {
    const metric = new Float64Array(30).fill(NaN), loss = new Float64Array(30).fill(NaN);
    for (let k = 0; k < 30; k++) {
      const L = s.E[k] + s.A[k] / p.N ** s.alpha[k] + s.B[k] / p.D ** s.beta[k];
      loss[k] = L;
      metric[k] = t.eps[k] - t.k[k] * Math.exp(-t.gamma[k] * L);
    }
    const want = summarize(metric, 0.95, undefined), got = r.predictions[j].metric;
    near(got.lo, want.lo, 1e-9, `point ${j} metric lo`);
    near(got.hi, want.hi, 1e-9, `point ${j} metric hi`);
    near(r.predictions[j].loss.median, summarize(loss, 0.95, undefined).median, 1e-9, `point ${j} loss median`);
    const est = predictChain(r.lossFit.law as ChinchillaLaw, r.taskFit.law as TaskExpLaw, [p])[0];
    assert.equal(got.estimate, est.metric);
    assert.ok(got.lo <= got.estimate! && got.estimate! <= got.hi);
  }
  assert.equal(r.failed, 0);
});

test('bootstrapChain: the runs are read once for both steps', async () => {
  await assert.rejects(bootstrapChain(GADRE, { ...READ, taskFit: { form: 'task-exp', columns: { loss: 'loss_openlm' } } as never, at: [{ C: 1e22 }] }),
    (e: unknown) => e instanceof OptionError && e.option === 'taskFit.columns');
  await assert.rejects(bootstrapChain(GADRE, { columns: { loss: 'loss_c4_val' }, taskFit: { form: 'task-exp' }, at: [{ C: 1e22 }] }),
    (e: unknown) => e instanceof DataError && e.code === 'missing-column');
});

test('backtestChain predicts each held-out score from N and D through both fitted laws', async () => {
  const runs = readRuns(GADRE, READ);
  const r = await backtestChain(runs, { holdoutLargest: 5, taskFit: { form: 'task-exp', engine: 'js', workers: 0 }, lossFit: { engine: 'js', workers: 0 } });
  assert.equal(r.predictions.length, 5);
  const p = r.lossFit.law.params as ChinchillaLaw['params'], q = r.taskFit.law.params as TaskExpLaw['params'];
  // The training fit is the fit of the training runs alone.
  assert.equal(r.lossFit.objective, fitSync(r.training, { engine: 'js', workers: 0 }).objective);
  for (const h of r.predictions) {
    const L = p.E + p.A / h.N ** p.alpha + p.B / h.D ** p.beta;
    near(h.predictedLoss, L, 1e-14, `row ${h.row} loss`);
    near(h.predicted, q.eps - q.k * Math.exp(-q.gamma * L), 1e-14, `row ${h.row} metric`);
    near(h.relativeError, (h.predicted - h.metric) / h.metric, 1e-14, `row ${h.row} error`);
  }
  await assert.rejects(backtestChain(readRuns(GADRE, { columns: { loss: 'loss_c4_val' } }), { holdoutLargest: 5, taskFit: { form: 'task-exp' } }),
    (e: unknown) => e instanceof DataError && e.code === 'missing-column');
});

test('bootstrapChain reports progress over both steps\' refits, up to twice the resamples', async () => {
  const seen: [number, number][] = [];
  await bootstrapChain(GADRE, { ...READ, taskFit: { form: 'task-exp', engine: 'js', workers: 0 }, lossFit: { engine: 'js', workers: 0 }, at: [{ C: 1e22 }], resamples: 20, seed: 3,
    onProgress: (done, total) => seen.push([done, total]) });
  assert.ok(seen.length >= 2, `${seen.length} reports`);
  for (const [k, [done, total]] of seen.entries()) {
    assert.equal(total, 40);
    if (k > 0) assert.ok(done >= seen[k - 1][0], `progress went back: ${JSON.stringify(seen)}`);
  }
  assert.deepEqual(seen[seen.length - 1], [40, 40]);
  // The task law's refits start where the loss law's ended.
  assert.ok(seen.some(([done]) => done === 20), JSON.stringify(seen));
});
