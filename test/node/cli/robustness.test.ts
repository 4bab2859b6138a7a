// The scaling-kit command under abuse: fuzzed argument lists (fast-check) run
// in-process through runCli — every call ends in output and code 0, or one line
// on stderr naming the problem and code 2, never an internal error or a stack
// trace — then a few real processes: exit codes, one-line stderr, and
// `fit --output FILE`, which writes the whole result or no file at all.
//
// Seed: FC_SEED when set, a constant in CI, else the clock; printed, and
// repeated by a failure message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { runCli } from '../../../src/cli/run.js';
import { demoCsv } from '../../../src/data/demo.js';

/** A time limit per test: an asynchronous case that never settles fails the run instead of stalling it. */
const LIMIT = { timeout: 90_000 };

const SEED = Number(process.env.FC_SEED ?? (process.env.CI ? 20240606 : Date.now() % 2 ** 31));
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'scaling-kit-cli-fuzz-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

const small = demoCsv().split('\n').slice(0, 15).join('\n');
const FILES = {
  good: file('good.csv', small),
  isoflop: fileURLToPath(new URL('../../fixtures/data/llama3-isoflops-digitized.csv', import.meta.url)),
  empty: file('empty.csv', ''),
  header: file('header.csv', 'N,D,loss\n'),
  nan: file('nan.csv', 'N,D,loss\n1e9,NaN,3\n'),
  hostile: file('hostile.csv', '"<img src=x>\nN",D,loss\n1e9,2e10,3\n'),
  binary: file('binary.csv', '\u0000\u0001\u0002PNG\r\n'),
  json: file('runs.json', '[{"N":1e9,"D":2e10,"loss":3},{"N":2e9,"D":1e10,"loss":2.9}]'),
  missing: join(tmp, 'missing.csv'),
  folder: tmp,
};

const COMMANDS = ['fit', 'bootstrap', 'isoflop', 'optimal', 'backtest', 'chain', 'compare', 'cost', 'extrapolate', 'fitt', '', '-x', 'FIT', '--json'];
const OPTIONS = [
  '--form', '--loss', '--delta', '--asymmetry', '--variable', '--breaks', '--base', '--unique', '--weights', '--drop-highest',
  '--strategy', '--engine', '--workers', '--json', '--resamples', '--seed', '--rng', '--level', '--budgets', '--tolerance',
  '--min-points', '--law', '--params', '--budget', '--flops', '--target-loss', '--inference-tokens', '--flops-per-token', '--holdout-above',
  '--holdout-largest', '--task-form', '--task-loss', '--at', '--runs', '--columns', '--gpu', '--mfu', '--gpus', '--price', '--pue', '--grid-intensity', '--output', '--bogus', '-j', '--', '--json=1', '---',
  '--holdout', '--x', '--eps0', '--search',
];
const VALUES = [
  '1', '0', '-1', '2.5', '1e21', '5.76e23', 'NaN', 'Infinity', '-0', '', ' ', 'x', '1e999', '0x10', '3,4', '1e21,x', '1e21,5e21',
  'chinchilla', 'kaplan', 'power', 'broken', 'data-constrained', 'huber', 'asymmetric', 'fast', 'js', 'auto', 'simd', 'N', 'C', 'numpy',
  'h100', 'tpu', 'besiroglu2024', 'deepseek2024', 'gpt5', '{"A":406.4,"B":410.7,"E":1.69,"alpha":0.34,"beta":0.28}', '{A:1}', '[]', 'null',
  '{"A":1}', 'line\nbreak', 'tab\there', '<script>alert(1)</script>', '😀', '\u0000', '--json',
];

const arg = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...OPTIONS) },
  { weight: 4, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 2, arbitrary: fc.constantFrom(...Object.values(FILES)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/** Calls that work, to mutate: a value swapped, an argument dropped or one added. */
const TEMPLATES: string[][] = [
  ['fit', FILES.good, '--json'], ['fit', FILES.good, '--form', 'power', '--variable', 'C'], ['fit', FILES.json, '--loss', 'squared', '--engine', 'js'],
  ['fit', FILES.good, '--form', 'saturating', '--delta', '0.01', '--workers', '0'], ['cost', '--budget', '1e24', '--gpu', 'h100', '--mfu', '0.4', '--json'],
  ['optimal', '--law', 'besiroglu2024', '--budget', '5.76e23'], ['optimal', '--params', VALUES[37], '--target-loss', '2.1', '--inference-tokens', '1e12'],
  ['isoflop', FILES.isoflop, '--json'], ['bootstrap', FILES.good, '--resamples', '8', '--rng', 'numpy', '--budgets', '1e21'],
  ['backtest', FILES.good, '--holdout-largest', '3', '--json'],
  ['compare', '--law', 'hoffmann2022-rounded', '--law', 'besiroglu2024', '--budgets', '1e21,1e23'],
  ['compare', '--runs', FILES.good, '--runs', FILES.good, '--flops', '1e21', '--resamples', '8', '--json'],
  ['extrapolate', FILES.good, '--holdout', '2', '--x', 'N', '--search', 'global', '--json'],
];
const mutated = fc.tuple(
  fc.constantFrom(...TEMPLATES),
  fc.array(fc.tuple(fc.constantFrom('swap', 'drop', 'add'), fc.nat(12), arg), { maxLength: 2 }),
).map(([template, edits]) => {
  const argv = [...template];
  for (const [kind, at, token] of edits) {
    const i = 1 + (at % Math.max(1, argv.length - 1));
    if (kind === 'swap' && i < argv.length) argv[i] = token;
    else if (kind === 'drop' && i < argv.length) argv.splice(i, 1);
    else argv.splice(i, 0, token);
  }
  return argv;
});

/** Bootstraps stay small, and exact fits stay on the small file, so a case costs milliseconds; stdin is never read. */
function tame(argv: string[]): string[] {
  // A lone "-" reads standard input, which would wait on the test's own stdin: give a file instead.
  const out = argv.map((a) => (a === '-' ? FILES.empty : a));
  // --output never names one of the input files (the repository's fixture among them): later cases read them.
  const inputs = new Set<string>(Object.values(FILES));
  for (let i = 1; i < out.length; i++) if (out[i - 1] === '--output' && inputs.has(out[i])) out[i] = 'fuzz-output.json';
  // compare bootstraps only with --runs (with --law, --resamples is refused): cap it there alone.
  if (out[0] === 'bootstrap' || (out[0] === 'compare' && out.includes('--runs'))) out.splice(1, 0, '--resamples', '8');
  for (let i = 1; i < out.length; i++) if (out[i] === '--resamples' && Number(out[i + 1]) > 8) out[i + 1] = '8';
  return out;
}

function assertOutcome(argv: string[], r: { status: number; stdout: string; stderr: string }): void {
  const where = JSON.stringify(argv);
  assert.notEqual(r.status, 1, `internal error for ${where}: ${r.stderr}`);
  if (r.status === 0) {
    // Success prints nothing on stderr but a fit's diagnostics, one line each ("warning: …").
    for (const line of r.stderr.split('\n').slice(0, -1)) assert.match(line, /^(info|warning|error): \S/, where);
    assert.ok(r.stderr === '' || r.stderr.endsWith('\n'), where);
    return;
  }
  assert.equal(r.status, 2, where);
  assert.equal(r.stdout, '', where);
  assert.ok(r.stderr.endsWith('\n'), where);
  const lines = r.stderr.slice(0, -1).split('\n');
  assert.equal(lines.length, 1, `${where}: ${r.stderr}`);
  assert.match(lines[0], /^scaling-kit: \S/, where);
  assert.doesNotMatch(lines[0], /\bat .*\(.*:\d+:\d+\)|internal error/, where);
}

test('fuzzed argument lists: output and code 0, or one line naming the problem and code 2', LIMIT, async () => {
  // Fuzzed `--output NAME` writes NAME relative to the working directory: keep that in a scratch folder.
  const home = process.cwd(), scratch = mkdtempSync(join(tmp, 'cwd-'));
  process.chdir(scratch);
  const t0 = performance.now();
  let failures = 0, numRuns = 600;
  try {
    const random = fc.tuple(fc.constantFrom(...COMMANDS), fc.array(arg, { maxLength: 7 })).map(([command, rest]) => [command, ...rest].filter((a, i) => i > 0 || a !== ''));
    await fc.assert(fc.asyncProperty(fc.oneof(random, mutated), async (raw) => {
      const argv = tame(raw);
      const r = await runCli(argv);
      if (r.status === 2) failures++;
      assertOutcome(argv, r);
    }), { seed: SEED, numRuns });
  } catch (e) {
    const cause = (e as Error).cause as Error | undefined;
    throw new Error(`cli fuzz failed; replay with FC_SEED=${SEED}\n${(e as Error).message}\n${cause?.stack ?? cause ?? ''}`);
  } finally {
    process.chdir(home);
  }
  console.log(`property cli: ${numRuns} cases, seed ${SEED}, ${Math.round(performance.now() - t0)} ms (${failures} exit 2, ${numRuns - failures} exit 0)`);
  // Whatever the fuzz wrote with --output was whole: no temporary file is left behind.
  assert.deepEqual(readdirSync(scratch).filter((f) => f.endsWith('.tmp')), []);
});

test('regression: a line break in an echoed value or column name stays on one line', LIMIT, async () => {
  for (const argv of [['fit', '--form', 'a\nb'], ['fit', FILES.hostile], ['cost', '--budget', '1\n2'], ['optimal', '--law', 'x\r\ny', '--budget', '1e20']]) {
    const r = await runCli(argv);
    assertOutcome(argv, r);
    assert.equal(r.status, 2);
  }
  const r = await runCli(['fit', '--form', 'a\nb']);
  assert.match(r.stderr, /a\\nb/);
});

test('regression: a command named like an Object.prototype member is an unknown command, not an internal error', LIMIT, async () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    const r = await runCli([name]);
    assert.equal(r.status, 2, `${name}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`unknown command "${name}"`));
  }
});

// ---- real processes -----------------------------------------------------------

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: repo });

test('fit --output writes the whole result to the file and nothing to stdout', LIMIT, () => {
  const out = join(tmp, 'result.json');
  const r = cli('fit', FILES.good, '--json', '--output', out);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  const result = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(result.runs, 14);
  assert.ok(Number.isFinite(result.objective));
  assert.deepEqual(readdirSync(tmp).filter((f) => f.endsWith('.tmp')), []);
});

test('a failing fit --output leaves no file, keeps an existing one, and exits 2 with one line', LIMIT, () => {
  const dir = mkdtempSync(join(tmp, 'out-'));
  const fresh = join(dir, 'fresh.json');
  for (const args of [['fit', FILES.nan, '--output', fresh], ['fit', FILES.good, '--form', 'data-constrained', '--output', fresh], ['fit', FILES.good, '--output', join(dir, 'no', 'such', 'dir.json')], ['fit', FILES.good, '--output', dir]]) {
    const r = cli(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  }
  assert.equal(existsSync(fresh), false);
  const kept = join(dir, 'kept.json');
  writeFileSync(kept, 'previous result\n');
  const r = cli('fit', FILES.empty, '--output', kept);
  assert.equal(r.status, 2);
  assert.equal(readFileSync(kept, 'utf8'), 'previous result\n');
  assert.deepEqual(readdirSync(dir).sort(), ['kept.json']);
  mkdirSync(join(dir, 'sub'));
  assert.equal(cli('fit', FILES.good, '--output', join(dir, 'sub')).status, 2);
});

test('a real process: bad calls exit 2 with one line, hostile column names included', LIMIT, () => {
  for (const args of [['fitt'], ['constructor'], ['fit', '--form', 'a\nb'], ['fit', FILES.hostile], ['cost']]) {
    const r = cli(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^scaling-kit: /);
  }
});
