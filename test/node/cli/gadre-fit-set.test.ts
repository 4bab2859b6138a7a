// Gadre et al. 2024's downstream law on their RedPajama fit set, as a user runs
// it: `fit --form task-exp` on the six fit-set models, then a chained backtest
// (over-training loss law → task law) of the two larger models. Reference:
// scipy 1.17.1 least_squares ('lm', xtol = ftol = gtol = 1e-15, four or five
// starts each, best kept) on the same rows of test/fixtures/data/gadre2024-rpj-fit-set.csv:
//   task law, squared residuals of err_avg17: eps 0.856991910032, k 2.206490550392,
//     gamma 0.714590644944, Σr² 0.00030688464089459363 (starts agree to 7 digits);
//   loss law L = E + (a·M^η + b·M^(−η))·C^(−η), squared log residuals of loss_c4_val:
//     E 1.855080014523, a 219.7563715304, b 382.5812130616, η 0.1375977656526;
//   chained to the targets (open_lm_1b at M = 640, open_lm_7b at M = 20):
//     loss 2.525771601978895, 2.449089518726451; error 0.4940416544036538, 0.4735983293390051.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: repo });
const FIT_SET = join(repo, 'test/fixtures/data/gadre2024-rpj-fit-set.csv');
const near = (got: number, want: number, rel: number, what: string) => assert.ok(Math.abs(got - want) <= rel * Math.abs(want), `${what}: ${got}, want ${want}`);

test('fit gadre6.csv --form task-exp: eps, k and gamma as scipy finds them', () => {
  // gadre6.csv: the six fit-set rows alone, as a user would save them.
  const lines = readFileSync(FIT_SET, 'utf8').trim().split('\n');
  const six = join(mkdtempSync(join(tmpdir(), 'gadre6-')), 'gadre6.csv');
  writeFileSync(six, [lines[0], ...lines.filter((l) => l.split(',')[1] === 'fit')].join('\n'));
  const r = cli('fit', six, '--form', 'task-exp', '--columns', 'loss=loss_c4_val,metric=err_avg17', '--loss', 'squared-raw', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.runs, 6);
  near(out.params.eps, 0.856991910032, 1e-6, 'eps');
  near(out.params.k, 2.206490550392, 1e-6, 'k');
  near(out.params.gamma, 0.714590644944, 1e-6, 'gamma');
  assert.ok(out.objective <= 0.00030688464089459363 * (1 + 1e-12), `objective ${out.objective}`);
  assert.equal(out.columns.metric, 'err_avg17');
});

test('chain --holdout-largest 2: the two larger models\' errors through both fitted laws', () => {
  const r = cli('chain', FIT_SET, '--columns', 'loss=loss_c4_val,metric=err_avg17', '--task-form', 'task-exp', '--form', 'overtrained', '--loss', 'squared', '--holdout-largest', '2', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.predictions.map((p: { N: number }) => p.N), [1439795200, 6889410560]);
  const [one, seven] = out.predictions;
  near(one.predictedLoss, 2.525771601978895, 1e-8, '1B loss');
  near(seven.predictedLoss, 2.449089518726451, 1e-8, '7B loss');
  near(one.predicted, 0.4940416544036538, 1e-8, '1B error');
  near(seven.predicted, 0.4735983293390051, 1e-8, '7B error');
  near(one.relativeError, (0.4940416544036538 - 0.47521523167105284) / 0.47521523167105284, 1e-6, '1B relative error');
});

test('fit the OLMo ladder with named columns: the JSON names them', () => {
  const r = cli('fit', join(repo, 'test/fixtures/data/olmo2-ladder-c4-loss.csv'), '--columns', 'N=N,D=D_tokens,loss=c4_loss_last5_mean', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.columns, { N: 'N', D: 'D_tokens', loss: 'c4_loss_last5_mean' });
  assert.ok(out.converged);
});
