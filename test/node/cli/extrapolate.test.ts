// `scaling-kit extrapolate`: one learning curve, its largest-x points held out,
// M1, M2 and M4 scored by RMSE of log loss (src/cli/extrapolate-command.ts), run
// in-process through runCli; the help through the real process.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import { runCli } from '../../../src/cli/run.js';
import { extrapolationScore } from '../../../src/core/extrapolation-score.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'scaling-kit-extrapolate-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

// One NMT curve of Alabdulmohsin et al. (test/fixtures/data), rows shuffled so that file rows and x order differ.
const nmt = csvParse(readFileSync(join(repo, 'test/fixtures/data/alabdulmohsin2022-nmt-learning-curves.csv'), 'utf8')).filter((r) => r.Model === '6 Enc, 28 Dec');
const order = [3, 10, 0, 7, 1, 9, 4, 8, 2, 6, 5];
const points = order.map((i) => ({ x: Number(nmt[i]['Seen Examples']), loss: Number(nmt[i].Loss) }));
const CURVE = file('curve.csv', `examples,val loss\n${points.map((p) => `${p.x},${p.loss}`).join('\n')}\n`);
const extrapolate = (...args: string[]) => runCli(['extrapolate', ...args]);

test('text: the three laws with their RMSE of log loss, the held-out points by file row, the best law', async () => {
  const r = await extrapolate(CURVE, '--columns', 'D=examples', '--holdout', '3');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^extrapolate: fitted 8 points with D ≤ 6\.4e\+7, held out the 3 of largest D \(D="examples", loss="val loss"\)$/);
  const score = extrapolationScore(points.map((p) => p.x), points.map((p) => p.loss), { holdout: 3 });
  for (const [k, e] of (['M1', 'M2', 'M4'] as const).entries()) {
    assert.match(lines[1 + k], new RegExp(`^  ${e}  .*RMSE of log loss ${score.rmse[e].toPrecision(4).replace('.', '\\.')}`));
  }
  assert.match(lines[1], /L\(D\) = \(/);
  assert.match(lines[2], /L\(D\) = [\d.]+ \+ [\d.]+·D\^-/);
  assert.match(lines[3], /M4  ε = 0\.1665 \+ 56\.53·D\^-0\.3226 .*converged .*paper search/); // α = 0 here: ε0 drops out
  // Held out: x = 1.28e8, 2.56e8, 5.12e8, which are the file's rows 8, 6 and 2 (data rows, header excluded).
  assert.match(lines[4], /^ {2}row {4}8 {2}D +1\.28e\+8 {2}loss/);
  assert.match(lines[5], /^ {2}row {4}6 {2}D +2\.56e\+8/);
  assert.match(lines[6], /^ {2}row {4}2 {2}D +5\.12e\+8/);
  assert.equal(lines[7], '  lowest RMSE of log loss: M2');
  // What the fits say of themselves goes to stderr, labelled with the law.
  assert.match(r.stderr, /^warning: M4: The fitted α is 0, so ε0 drops out of the M4 law/m);
  assert.doesNotMatch(r.stdout, /warning/);
});

test('--json: the documented keys, file rows, the same bytes twice; --eps0 and --search reach the fit', async () => {
  const a = await extrapolate(CURVE, '--columns', 'D=examples', '--holdout', '1', '--json');
  const b = await extrapolate(CURVE, '--columns', 'D=examples', '--holdout', '1', '--json');
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
  const out = JSON.parse(a.stdout);
  for (const k of ['columns', 'variable', 'cutoff', 'training', 'heldOut', 'rmse', 'best', 'fits']) assert.ok(k in out, k);
  assert.deepEqual(out.columns, { x: 'examples', loss: 'val loss' });
  assert.equal(out.training, 10);
  assert.deepEqual(out.heldOut.map((p: { row: number }) => p.row), [2]);
  // test/node/core/m4.test.ts: scipy's RMSE for this curve's Training = 0 row.
  assert.ok(Math.abs(out.rmse.M4 - 0.0347861530919) < 1e-6, String(out.rmse.M4));
  assert.equal(out.best, 'M4');
  assert.equal(out.fits.M4.search, 'paper');
  assert.ok(!('ms' in out.fits.M1) && !('ms' in out.fits.M2));
  const held = JSON.parse((await extrapolate(CURVE, '--columns', 'D=examples', '--holdout', '1', '--eps0', '1', '--search', 'global', '--json')).stdout);
  assert.equal(held.fits.M4.eps0Given, true);
  assert.equal(held.fits.M4.params.eps0, 1);
  assert.equal(held.fits.M4.search, 'global');
});

test('x from another column (--x C), recognised by name', async () => {
  const text = `C,loss\n${points.map((p) => `${p.x},${p.loss}`).join('\n')}\n`;
  const r = await extrapolate(file('c.csv', text), '--x', 'C', '--holdout', '2', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.variable, 'C');
  assert.equal(out.fits.M1.law.variable, 'C');
});

const refusals: [string, string[], RegExp][] = [
  ['no file', [], /extrapolate needs a FILE/],
  ['no --holdout', [CURVE], /extrapolate needs --holdout K/],
  ['a bad --holdout', [CURVE, '--holdout', '0'], /option --holdout: expected a whole number ≥ 1, got "0"/],
  ['too many held out', [CURVE, '--columns', 'D=examples', '--holdout', '6'], /invalid holdout; expected an integer from 1 to 5, which leaves the 6 points M4 needs to fit \(11 points in all\): 6/],
  ['a bad --x', [CURVE, '--holdout', '1', '--x', 'T'], /option --x: expected one of N, D, C, got "T"/],
  ['a bad --eps0', [CURVE, '--holdout', '1', '--eps0', '0'], /option --eps0: expected a positive number, got "0"/],
  ['an --eps0 below a loss', [CURVE, '--columns', 'D=examples', '--holdout', '1', '--eps0', '0.5'], /point 1: loss 0\.5\d* is not below eps0 0\.5/],
  ['a bad --search', [CURVE, '--holdout', '1', '--search', 'best'], /option --search: expected one of paper, global/],
  ['no x column', [CURVE, '--holdout', '1'], /no D column for x .*columns found: "examples", "val loss"/],
  ['a metric in --columns', [CURVE, '--holdout', '1', '--columns', 'D=examples,metric=err'], /extrapolate reads x and the loss only/],
  ['a bad value', [file('bad.csv', 'D,loss\n1,0.9\n2,-1\n3,0.7\n'), '--holdout', '1'], /line 3, column "loss": expected a positive finite number, got "-1"/],
  ['too few points', [file('few.csv', 'D,loss\n1,0.9\n2,0.8\n3,0.7\n4,0.6\n5,0.55\n6,0.5\n'), '--holdout', '1'], /invalid holdout; expected an integer from 1 to 0/],
  ['too many rows', [CURVE, '--holdout', '1', '--max-rows', '3'], /too many rows: more than 3, the limit; raise it with --max-rows/],
];

for (const [what, args, message] of refusals) {
  test(`${what}: one line on stderr, exit code 2, nothing on stdout`, async () => {
    const r = await extrapolate(...args);
    assert.equal(r.status, 2, `${r.stdout} ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^scaling-kit: [^\n]+\n$/);
    assert.match(r.stderr, message);
  });
}

test('--help: the usage with an example; the top-level help lists extrapolate', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: repo });
  const help = cli('extrapolate', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^scaling-kit extrapolate FILE --holdout K \[--x D\|N\|C\] \[--eps0 V\] \[--search paper\|global\]/);
  assert.match(help.stdout, /Alabdulmohsin et al\. \(2022\)/);
  assert.match(help.stdout, /Example: scaling-kit extrapolate curve\.csv --columns D=examples,loss=loss --holdout 3/);
  // It lists only the columns it reads: metric=, weight= and U= are refused, so the help does not offer them.
  assert.match(help.stdout, /\[--columns N=COL,D=COL,C=COL,loss=COL\]/);
  assert.doesNotMatch(help.stdout, /metric=COL|weight=COL|U=COL/);
  assert.match(cli('--help').stdout, /\n {2}scaling-kit extrapolate FILE/);
});
