// `fit --scale free` as a user runs it on the digitised Chinchilla runs:
// Besiroglu et al. 2024's headline estimate to the digits their notebook prints
// (ln A 6.17796, ln B 7.64273, ln E 0.59711, α 0.347813, β 0.365854, ln σ −12.2666).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: repo });
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

test('fit chinchilla-svg-extracted.csv --drop-highest 5 --scale free --json', () => {
  const r = cli('fit', join(repo, 'test/fixtures/data/chinchilla-svg-extracted.csv'), '--drop-highest', '5', '--scale', 'free', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const t = out.theta;
  assert.deepEqual([round(t.a, 5), round(t.b, 5), round(t.e, 5), round(t.alpha, 6), round(t.beta, 6)], [6.17796, 7.64273, 0.59711, 0.347813, 0.365854]);
  assert.equal(round(out.scale.lnSigma, 4), -12.2666);
  assert.equal(out.runs, 240);
  const human = cli('fit', join(repo, 'test/fixtures/data/chinchilla-svg-extracted.csv'), '--drop-highest', '5', '--scale', 'free');
  assert.match(human.stdout, /free scale σ = 4\.70623e-6 \(ln σ = -12\.26662\d\)/);
  assert.match(human.stderr, /info: The scale of the log residuals was fitted with the law/);
});

test('bootstrap refuses --scale free in words (its refits hold the scale fixed), takes --scale fixed, and its help offers no --scale', () => {
  const file = join(repo, 'test/fixtures/data/chinchilla-svg-extracted.csv');
  const free = cli('bootstrap', file, '--scale', 'free');
  assert.equal(free.status, 2);
  assert.match(free.stderr, /option --scale: bootstrap refits with the scale fixed; "free" is not offered here \(--scale free is for fit alone\)/);
  assert.doesNotMatch(free.stderr, /unknown option/);
  const fixed = cli('bootstrap', file, '--scale', 'fixed', '--resamples', '10', '--json');
  assert.equal(fixed.status, 0, fixed.stderr);
  assert.equal(JSON.parse(fixed.stdout).resamples, 10);
  assert.doesNotMatch(cli('bootstrap', '--help').stdout, /--scale/);
});
