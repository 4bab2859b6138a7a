// `scaling-kit chain`: compute → loss → score through a loss law and a task law
// fitted on the same runs, on Gadre et al.'s overtraining file (C4 validation
// loss, error averaged over 17 tasks). The chained numbers are recomputed here
// from the laws the command prints, so the test checks the composition itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const GADRE = join(repo, 'test/fixtures/data/gadre2024-overtraining-models.csv');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: repo });
/** The chain flags every call shares: the same runs, columns and engine each time. */
const BASE = ['--columns', 'loss=loss_c4_val,metric=err_avg17', '--task-form', 'task-exp', '--engine', 'js', '--workers', '0'];
const chain = (...args: string[]) => cli('chain', GADRE, ...BASE, ...args);
const AT = ['--at', 'N=6889410560,D=137788211200'];

type Laws = { lossLaw: { form: string; params: Record<string, number> }; taskLaw: { form: string; params: Record<string, number> } };
const lossAt = ({ lossLaw: { params: p } }: Laws, N: number, D: number) => p.E + p.A / N ** p.alpha + p.B / D ** p.beta;
const scoreAt = ({ taskLaw: { params: p } }: Laws, L: number) => p.eps - p.k * Math.exp(-p.gamma * L);

/** Whether `printed` (a decimal as the command prints it) is `x` to the digits it shows. */
function agreesToPrintedDigits(printed: string, x: number): boolean {
  const decimals = printed.includes('.') ? printed.split('.')[1].length : 0;
  return Math.abs(Number(printed) - x) <= 0.5 * 10 ** -decimals * (1 + 1e-9);
}

test('--resamples 0: the printed score is the task law at the loss law\'s loss, and the loss law is what fit gives', () => {
  const text = chain(...AT, '--resamples', '0');
  assert.equal(text.status, 0, text.stderr);
  const json = chain(...AT, '--resamples', '0', '--json');
  assert.equal(json.status, 0, json.stderr);
  const out = JSON.parse(json.stdout) as Laws & { columns: Record<string, string>; resamples: number; predictions: { N: number; D: number; loss: number; metric: number }[] };
  assert.equal(out.lossLaw.form, 'chinchilla');
  assert.equal(out.taskLaw.form, 'task-exp');
  assert.equal(out.columns.metric, 'err_avg17');
  assert.equal(out.resamples, 0);

  const L = lossAt(out, 6889410560, 137788211200), score = scoreAt(out, L);
  const printed = /loss\s+(\S+)\s+metric\s+(\S+)/.exec(text.stdout);
  assert.ok(printed, text.stdout);
  assert.ok(agreesToPrintedDigits(printed[1], L), `printed loss ${printed[1]}, recomputed ${L}`);
  assert.ok(agreesToPrintedDigits(printed[2], score), `printed score ${printed[2]}, recomputed ${score}`);
  assert.ok(Math.abs(out.predictions[0].metric - score) <= 1e-12 * Math.abs(score), `${out.predictions[0].metric} vs ${score}`);
  // The header names both laws and the columns.
  assert.match(text.stdout, /loss law \(chinchilla, [^)]*\): L\(N, D\) = /);
  assert.match(text.stdout, /task law \(task-exp, [^)]*\): Err\(L\) = /);
  assert.match(text.stdout, /columns: N=N, D=D, C=C_6ND, loss=loss_c4_val, metric=err_avg17/);

  const fitted = cli('fit', GADRE, '--columns', 'N=N,loss=loss_c4_val', '--engine', 'js', '--workers', '0', '--json');
  assert.equal(fitted.status, 0, fitted.stderr);
  assert.deepEqual(out.lossLaw, JSON.parse(fitted.stdout).law);
});

test('--resamples 50 --seed 3: intervals hold their estimates, and the same call prints the same bytes', () => {
  const args = [...AT, '--at', 'C=1e22', '--resamples', '50', '--seed', '3', '--json'];
  const a = chain(...args), b = chain(...args);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
  const out = JSON.parse(a.stdout);
  assert.equal(out.resamples, 50);
  assert.equal(out.seed, 3);
  assert.equal(out.predictions.length, 2);
  assert.ok(out.failed >= 0 && out.failed < 50, String(out.failed));
  for (const p of out.predictions) {
    for (const i of [p.loss, p.metric]) assert.ok(i.lo <= i.estimate && i.estimate <= i.hi, JSON.stringify(i));
    assert.ok(Math.abs(p.metric.estimate - scoreAt(out, p.loss.estimate)) <= 1e-12, JSON.stringify(p));
  }
  // C alone is spent compute-optimally: C = 6ND.
  const [, byBudget] = out.predictions;
  assert.ok(Math.abs(6 * byBudget.N * byBudget.D / 1e22 - 1) < 1e-9, JSON.stringify(byBudget));
});

test('--holdout-largest 5: each held-out score is predicted from N and D through both laws', () => {
  const r = chain('--holdout-largest', '5', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Laws & { predictions: { N: number; D: number; metric: number; predicted: number; predictedLoss: number; relativeError: number }[]; summary: { runs: number } };
  assert.equal(out.predictions.length, 5);
  assert.equal(out.summary.runs, 5);
  for (const p of out.predictions) {
    const loss = lossAt(out, p.N, p.D), score = scoreAt(out, loss);
    assert.ok(Math.abs(p.predictedLoss - loss) <= 1e-12 * loss, `${p.predictedLoss} vs ${loss}`);
    assert.ok(Math.abs(p.predicted - score) <= 1e-12 * Math.abs(score), `${p.predicted} vs ${score}`);
    assert.ok(Math.abs(p.relativeError - (p.predicted - p.metric) / p.metric) <= 1e-15, JSON.stringify(p));
  }
  const text = chain('--holdout-largest', '5');
  assert.equal(text.status, 0, text.stderr);
  assert.equal(text.stdout.match(/^ {2}row /gm)?.length, 5, text.stdout);
  assert.match(text.stdout, /mean \|error\| [\d.]+%, max [\d.]+%, bias -?[\d.]+%/);
});

test('a wrong call is one line naming the problem and exit code 2, before the file is read', () => {
  const missing = '/nonexistent/runs.csv'; // never read: every flag is checked first
  const run = (...args: string[]) => cli('chain', missing, ...args);
  for (const [args, message] of [
    [['--task-form', 'task-exp'], /needs --at points .* or --holdout-largest/],
    [['--task-form', 'task-exp', '--at', 'C=1e23', '--holdout-largest', '3'], /--at points or a holdout .*not both/],
    [['--task-form', 'task-exp', '--at', 'N=1e9'], /option --at: a point needs both N and D, or C alone, got "N=1e9"/],
    [['--task-form', 'task-exp', '--at', 'Q=1'], /option --at: unknown key "Q"/],
    [['--task-form', 'chinchilla', '--at', 'C=1e23'], /option --task-form: expected one of task-exp, task-sigmoid, got "chinchilla"/],
    [['--task-form', 'task-exp', '--at', 'N=1e9,D=0'], /option --at: D must be a positive number/],
    [['--task-form', 'task-exp', '--holdout-largest', '3', '--resamples', '10'], /option --resamples: the chained backtest does not resample/],
  ] as [string[], RegExp][]) {
    const r = run(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^scaling-kit: [^\n]*\n$/, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
  }
});

test('chain --help, and the command in the top-level help', () => {
  const help = cli('chain', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^scaling-kit chain FILE --task-form task-exp\|task-sigmoid/);
  assert.match(help.stdout, /Example: scaling-kit chain /);
  assert.match(cli('--help').stdout, /\n {2}scaling-kit chain FILE/);
});
