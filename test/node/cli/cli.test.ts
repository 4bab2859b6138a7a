// The scaling-kit command as a user runs it: outputs, JSON keys, and one-line
// errors with exit code 2 for every kind of bad call or bad data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHINCHILLA_FILE, compareOptimum } from '../../fixtures/chinchilla-reference.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const dataFile = fileURLToPath(new URL(`test/fixtures/data/${CHINCHILLA_FILE}`, `file://${repo}`));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: repo });

const tmp = mkdtempSync(join(tmpdir(), 'scaling-kit-cli-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

test('--json prints the same bytes for the same input; the wall time only with --timing', () => {
  for (const command of [['fit', dataFile, '--engine', 'js'], ['bootstrap', dataFile, '--resamples', '20', '--engine', 'js', '--workers', '0']]) {
    const [a, b] = [cli(...command, '--json'), cli(...command, '--json')];
    assert.equal(a.status, 0, a.stderr);
    assert.equal(a.stdout, b.stdout, command[0]);
    assert.ok(!('ms' in JSON.parse(a.stdout)), command[0]);
    const timed = JSON.parse(cli(...command, '--json', '--timing').stdout);
    assert.ok(typeof timed.ms === 'number' && timed.ms > 0, command[0]);
  }
});

test('fit --json on the Chinchilla file reaches the reference optimum', () => {
  const r = cli('fit', dataFile, '--drop-highest', '5', '--strategy', 'exact', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  for (const key of ['params', 'objective', 'starts', 'converged', 'engine']) assert.ok(key in out, key);
  assert.equal(compareOptimum(out.objective, out.params), null);
  assert.ok(out.starts.total >= 4500 && out.starts.total <= 4502); // Hoffmann's grid and up to two negative-exponent starts
});

test('fit with no file fits the embedded demo dataset and prints the law', () => {
  const r = cli('fit', '--engine', 'simd');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /fit of 81 runs/);
  assert.match(r.stdout, /L\(N, D\) = [\d.]+ \+ [\d.]+\/N\^[\d.]+ \+ [\d.]+\/D\^[\d.]+/);
});

test('optimal --json gives N, D, tokensPerParam, loss for Hoffmann\'s constants', () => {
  const r = cli('optimal', '--params', '{"A":406.4,"B":410.7,"E":1.69,"alpha":0.34,"beta":0.28}', '--budget', '5.76e23', '--json');
  assert.equal(r.status, 0, r.stderr);
  const o = JSON.parse(r.stdout);
  assert.ok(Math.abs(o.N - 32.2e9) < 0.1e9 && Math.abs(o.D - 2.98e12) < 0.01e12, r.stdout);
  assert.ok(Math.abs(o.tokensPerParam - o.D / o.N) < 1e-9 * o.tokensPerParam);
  assert.ok(o.loss > 1.69 && o.loss < 3);
});

test('bootstrap, isoflop, backtest, optimal --law and cost print JSON with their documented keys', () => {
  const shared = (name: string) => fileURLToPath(new URL(`test/fixtures/data/${name}`, `file://${repo}`));
  const cases: [string[], string[]][] = [
    [['bootstrap', dataFile, '--drop-highest', '5', '--resamples', '50', '--rng', 'numpy', '--budgets', '5.76e23', '--json'], ['params', 'derived', 'correlation', 'resamples', 'failed', 'level']],
    [['isoflop', shared('llama3-isoflops-digitized.csv'), '--json'], ['budgets', 'N', 'D', 'accepted']],
    [['backtest', dataFile, '--drop-highest', '5', '--holdout-largest', '10', '--json'], ['predictions', 'summary', 'cutoff', 'fit']],
    [['optimal', '--law', 'besiroglu2024', '--budget', '5.76e23', '--json'], ['N', 'D', 'tokensPerParam', 'loss']],
    [['optimal', '--law', 'hoffmann2022', '--target-loss', '2.0', '--inference-tokens', '2e12', '--json'], ['N', 'D', 'trainFlops', 'inferenceFlops', 'savingFraction']],
    [['cost', '--budget', '3.8e25', '--gpu', 'h100', '--gpus', '16384', '--json'], ['gpuHours', 'days', 'dollars', 'kWh', 'co2eKg']],
  ];
  for (const [args, keys] of cases) {
    const r = cli(...args);
    assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
    const out = JSON.parse(r.stdout);
    for (const k of keys) assert.ok(k in out, `${args[0]}: key ${k}`);
  }
});

test('isoflop --json reproduces the Llama 3 exponents', () => {
  const r = cli('isoflop', fileURLToPath(new URL('test/fixtures/data/llama3-isoflops-digitized.csv', `file://${repo}`)), '--json');
  const out = JSON.parse(r.stdout);
  assert.equal(out.N.a.toFixed(4), '0.4632');
  assert.equal(out.D.b.toFixed(4), '0.5368');
});

test('cost of Llama 3 405B: 3.8e25 FLOPs on 16,384 H100s at 40% MFU', () => {
  const out = JSON.parse(cli('cost', '--budget', '3.8e25', '--gpus', '16384', '--json').stdout);
  const hours = 3.8e25 / (989.4e12 * 0.4 * 3600); // dense BF16 peak, docs/laws.md
  assert.ok(Math.abs(out.gpuHours - hours) <= 1e-9 * hours);
  assert.ok(Math.abs(out.days - hours / 16384 / 24) <= 1e-9 * out.days);
});

const badCalls: [string, string[], RegExp][] = [
  ['an empty file', ['fit', file('empty.csv', '')], /empty/i],
  ['a missing loss column', ['fit', file('noloss.csv', 'N,D\n1e9,2e10\n')], /loss/],
  ['a negative N', ['fit', file('neg.csv', 'N,D,loss\n1e9,2e10,3\n-2e9,4e10,2.9\n')], /line 3, column "N"/],
  ['a zero N', ['fit', file('zero.csv', 'N,D,loss\n0,2e10,3\n')], /line 2, column "N"/],
  ['NaN', ['fit', file('nan.csv', 'N,D,loss\n1e9,NaN,3\n')], /line 2, column "D"/],
  ['text in a numeric column', ['fit', file('text.csv', 'N,D,loss\n1e9,2e10,abc\n')], /line 2, column "loss".*abc/],
  ['an unknown option', ['fit', '--bogus'], /--bogus/],
  ['an unknown command', ['fitt'], /unknown command "fitt"/],
  ['a bad number', ['fit', '--delta', 'x'], /--delta.*"x"/],
  ['a bad choice', ['fit', '--loss', 'l1'], /--loss/],
  ['a missing file', ['fit', join(tmp, 'nope.csv')], /no such file/],
  ['bad params JSON', ['optimal', '--params', '{A:1}', '--budget', '1e20'], /--params/],
  ['a negative budget', ['optimal', '--params', '{"A":1,"B":1,"E":1,"alpha":0.3,"beta":0.3}', '--budget', '-1'], /--budget/],
  ['a missing parameter', ['optimal', '--params', '{"A":1,"B":1,"E":1,"alpha":0.3}', '--budget', '1e20'], /params\.beta/],
  ['an unknown preset', ['optimal', '--law', 'gpt5', '--budget', '1e20'], /unknown preset "gpt5"/],
  ['both holdout options', ['backtest', dataFile, '--holdout-above', '1e21', '--holdout-largest', '3'], /exactly one/],
  ['a bad resample count', ['bootstrap', dataFile, '--resamples', '0'], /--resamples/],
  ['a bad GPU', ['cost', '--budget', '1e24', '--gpu', 'tpu'], /--gpu/],
  ['an MFU above 1', ['cost', '--budget', '1e24', '--mfu', '1.5'], /--mfu/],
  ['isoflop without a file', ['isoflop'], /needs a FILE/],
  ['a data-constrained fit without base', ['fit', dataFile, '--form', 'data-constrained'], /base/],
];

for (const [what, args, message] of badCalls) {
  test(`${what}: one line on stderr, exit code 2, nothing on stdout`, () => {
    const r = cli(...args);
    assert.equal(r.status, 2, `${r.stdout} ${r.stderr}`);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^scaling-kit: /);
    assert.match(lines[0], message);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });
}

test('--budget is the compute budget; the old --flops still works with a note on stderr, and both at once is refused', () => {
  const law = ['optimal', '--law', 'besiroglu2024', '--json'];
  const now = cli(...law, '--budget', '5.76e23'), old = cli(...law, '--flops', '5.76e23');
  assert.equal(now.status, 0, now.stderr);
  assert.equal(old.status, 0, old.stderr);
  assert.equal(old.stdout, now.stdout);
  assert.equal(now.stderr, '');
  assert.match(old.stderr, /--flops is now --budget/);
  const both = cli(...law, '--budget', '1e23', '--flops', '1e23');
  assert.equal(both.status, 2);
  assert.match(both.stderr, /--flops is the old name of --budget/);
  const cost = cli('cost', '--flops', '1e24', '--json');
  assert.equal(cost.status, 0, cost.stderr);
  assert.match(cost.stderr, /--flops is now --budget/);
});
