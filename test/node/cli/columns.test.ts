// --columns in every command that reads runs, and what the output says about
// the columns it used: the OLMo ladder file (loss columns named c4_loss_…) and
// Gadre et al.'s file (eleven loss-like columns) as a user would run them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const data = (name: string) => join(repo, 'test/fixtures/data', name);
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: repo });
const OLMO = data('olmo2-ladder-c4-loss.csv'), GADRE = data('gadre2024-overtraining-models.csv'), LLAMA = data('llama3-isoflops-digitized.csv');

test('fit: the column chosen among several is named on stdout and warned about on stderr; --columns picks another and silences it', () => {
  const guessed = cli('fit', GADRE, '--engine', 'js');
  assert.equal(guessed.status, 0, guessed.stderr);
  assert.match(guessed.stdout, /columns: N=N, D=D, C=C_6ND, loss=loss_openlm/);
  assert.match(guessed.stderr, /warning: Column "loss_openlm" was taken as loss because of its name, but "loss_c4_val"/);
  const named = cli('fit', GADRE, '--engine', 'js', '--columns', 'N=N,loss=loss_c4_val', '--json');
  assert.equal(named.status, 0, named.stderr);
  const out = JSON.parse(named.stdout);
  assert.deepEqual(out.columns, { N: 'N', D: 'D', C: 'C_6ND', loss: 'loss_c4_val' });
  assert.ok(!out.diagnostics.some((d: { code: string }) => d.code === 'column-choice'), JSON.stringify(out.diagnostics));
  assert.doesNotMatch(named.stderr, /Column /);
  assert.notEqual(out.params.E, JSON.parse(cli('fit', GADRE, '--engine', 'js', '--json').stdout).params.E, 'another loss column, another law');
});

test('fit: the OLMo ladder file by name or with --columns; bootstrap: weight= as --weights', () => {
  const r = cli('fit', OLMO, '--engine', 'js', '--columns', 'D=D_tokens,loss=c4_loss_final', '--json');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).columns, { N: 'N', D: 'D_tokens', loss: 'c4_loss_final' });
  const guessed = cli('fit', OLMO, '--engine', 'js', '--json');
  assert.equal(JSON.parse(guessed.stdout).columns.loss, 'c4_loss_last5_mean');
  const boot = cli('bootstrap', GADRE, '--engine', 'js', '--workers', '0', '--resamples', '10', '--columns', 'N=N,loss=loss_c4_val,weight=token_multiplier_M', '--json');
  assert.equal(boot.status, 0, boot.stderr);
  assert.deepEqual(JSON.parse(boot.stdout).columns, { N: 'N', D: 'D', C: 'C_6ND', loss: 'loss_c4_val', weight: 'token_multiplier_M' });
});

test('isoflop and backtest take --columns and say which columns they used', () => {
  const iso = cli('isoflop', LLAMA, '--columns', 'loss=validation_loss', '--json');
  assert.equal(iso.status, 0, iso.stderr);
  assert.equal(JSON.parse(iso.stdout).columns.loss, 'validation_loss');
  assert.match(cli('isoflop', LLAMA).stdout, /\(columns: N=N_derived_C_over_6D, D=training_tokens, C=compute_budget, loss=validation_loss\)/);
  const back = cli('backtest', OLMO, '--holdout-largest', '2', '--columns', 'D=D_tokens,loss=c4_loss_final', '--json');
  assert.equal(back.status, 0, back.stderr);
  assert.equal(JSON.parse(back.stdout).columns.loss, 'c4_loss_final');
});

test('a wrong --columns is one line and exit code 2, before the file is read', () => {
  for (const [args, message] of [
    [['fit', OLMO, '--columns', 'loss'], /^scaling-kit: option --columns: expected QUANTITY=COLUMN, got "loss"\n$/],
    [['fit', OLMO, '--columns', 'score=x'], /unknown quantity "score", expected one of N, D, C, loss, weight, U, metric/],
    [['fit', OLMO, '--columns', 'weight=a', '--weights', 'b'], /weight= and --weights name different columns/],
    [['isoflop', LLAMA, '--columns', 'weight=a'], /isoflop reads no weight or U column/],
    [['fit', '/nonexistent.csv', '--columns', 'loss='], /loss needs a column name/],
  ] as [string[], RegExp][]) {
    const r = cli(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  const missing = cli('fit', OLMO, '--columns', 'loss=nope');
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /no column "nope" among "run", "model"/);
});

test('fit and bootstrap: a task form reads metric= and says which columns fed the loss and the metric', () => {
  const r = cli('fit', GADRE, '--engine', 'js', '--workers', '0', '--form', 'task-exp', '--columns', 'loss=loss_c4_val,metric=err_avg17');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^task-exp fit of 104 runs/);
  assert.match(r.stdout, /Err\(L\) = 0\.8486361 − 2\.586266·exp\(−0\.7955693·L\)/);
  assert.match(r.stdout, /columns: N=N, D=D, C=C_6ND, loss=loss_c4_val, metric=err_avg17/);
  const boot = cli('bootstrap', GADRE, '--engine', 'js', '--workers', '0', '--resamples', '10', '--form', 'task-exp', '--columns', 'loss=loss_c4_val,metric=err_avg17', '--json');
  assert.equal(boot.status, 0, boot.stderr);
  assert.equal(JSON.parse(boot.stdout).columns.metric, 'err_avg17');
  const missing = cli('fit', GADRE, '--engine', 'js', '--form', 'task-exp');
  assert.equal(missing.status, 2, 'a data error: one line, exit code 2');
  assert.match(missing.stderr, /^scaling-kit: the task-exp form predicts a benchmark metric from the loss and needs a metric column/);
});
