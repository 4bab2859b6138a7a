// The command line as a new user meets it: --version, "did you mean" for a mistyped command or
// flag, negative numbers taken as values (and refused in words by the option's own check),
// an example in every command's help, and status lines worded as a person writes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runCli } from '../../../src/cli/run.js';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
const EPOCH = new URL('../../fixtures/data/chinchilla-svg-extracted.csv', import.meta.url).pathname;
const COMMANDS = ['fit', 'bootstrap', 'isoflop', 'optimal', 'backtest', 'chain', 'compare', 'extrapolate', 'cost'];

test('--version (and -V, version) prints the package version', async () => {
  for (const flag of ['--version', '-V', 'version']) {
    const r = await runCli([flag]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `scaling-kit ${pkg.version}\n`);
  }
  assert.match((await runCli(['--help'])).stdout, /--version/);
});

test('a mistyped command or flag gets a suggestion', async () => {
  let r = await runCli(['fitt']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command "fitt"; did you mean fit\?/);
  r = await runCli(['bootstrapp', 'x.csv']);
  assert.match(r.stderr, /did you mean bootstrap\?/);
  r = await runCli(['fit', EPOCH, '--jsn']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown option "--jsn"; did you mean --json\?/);
  r = await runCli(['optimal', '--lwa', 'hoffmann2022', '--budget', '1e21']);
  assert.match(r.stderr, /did you mean --law\?/);
  r = await runCli(['fit', EPOCH, '--zzzzzz']);
  assert.match(r.stderr, /unknown option "--zzzzzz" \(--help lists them\)/);
});

test('a negative number is a value: the option says what it accepts instead of calling the call ambiguous', async () => {
  let r = await runCli(['fit', EPOCH, '--drop-highest', '-3']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /option --drop-highest: expected a whole number ≥ 0, got "-3"/);
  r = await runCli(['bootstrap', EPOCH, '--seed', '-1']);
  assert.match(r.stderr, /option --seed: expected a whole number below 2\^32, got "-1"/);
  r = await runCli(['cost', '--budget', '-1e24']);
  assert.equal(r.status, 2);
  assert.doesNotMatch(r.stderr, /ambiguous/);
  assert.match(r.stderr, /--budget/);
});

test('every command\'s help shows an example', async () => {
  for (const c of COMMANDS) {
    const r = await runCli([c, '--help']);
    assert.equal(r.status, 0, c);
    assert.match(r.stdout, /Examples?: scaling-kit /, `${c} --help has no example`);
  }
});

test('the fit\'s status line reads as a sentence: one start, not "1 starts"; "converged (to rounding precision)"', async () => {
  const r = await runCli(['fit', '--strategy', 'fast']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^chinchilla fit of 81 runs \(Huber δ=0\.001 on log loss; fast strategy, \d+ starts?; [a-z-]+ engine[^)]*\)/m);
  assert.doesNotMatch(r.stdout, /\b1 starts\b|converged \(converged/);
});
