// `scaling-kit bootstrap --draws`: parametric draws from the replicates' covariance, wired to the
// flags (seed, level, space, budgets) as the API takes them, and refused where they mean nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrap } from '../../../src/core/bootstrap-fit.js';
import { parametricDraws } from '../../../src/core/parametric-draws.js';
import { readRuns } from '../../../src/core/runs.js';
import { readFileSync } from 'node:fs';
import type { BootstrapResult } from '../../../src/core/bootstrap.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: repo });
const EPOCH = join(repo, 'test/fixtures/data/chinchilla-svg-extracted.csv');
const COMMON = ['--drop-highest', '5', '--resamples', '60', '--seed', '3', '--engine', 'js', '--workers', '0', '--budgets', '5.88e23,1e21'];

test('--draws summarises the allocation over draws from the replicates\' normal, as parametricDraws does with the same seed and level', async () => {
  const r = cli('bootstrap', EPOCH, ...COMMON, '--level', '0.9', '--draws', '3000', '--draw-space', 'raw', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.draws.draws, 3000);
  assert.equal(out.draws.space, 'raw');
  assert.equal(out.draws.seed, 3);
  assert.equal(out.draws.level, 0.9);
  const runs = readRuns(readFileSync(EPOCH, 'utf8'), { dropHighest: 5 });
  const boot = await bootstrap(runs, { resamples: 60, seed: 3, level: 0.9, engine: 'js', workers: 0, budgets: [5.88e23, 1e21] });
  const want = parametricDraws(boot as unknown as BootstrapResult, { budgets: [5.88e23, 1e21], draws: 3000, space: 'raw', seed: 3, level: 0.9 });
  assert.equal(out.draws.invalid, want.invalid);
  for (const [j, b] of want.perBudget.entries()) {
    assert.equal(out.draws.perBudget[j].C, b.C);
    assert.ok(Math.abs(out.draws.perBudget[j].tokensPerParam.median - b.tokensPerParam.median) <= 1e-9 * b.tokensPerParam.median);
  }
  const text = cli('bootstrap', EPOCH, ...COMMON, '--draws', '1000');
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^parametric draws: 1000 from the replicates' normal in log space \(seed 3; \d+ left out\); median and 95%$/m);
});

test('--draws needs --budgets and the Chinchilla form, and a count within its limit', () => {
  const noBudgets = cli('bootstrap', EPOCH, '--draws', '100');
  assert.notEqual(noBudgets.status, 0);
  assert.match(noBudgets.stderr, /--budgets/);
  const kaplan = cli('bootstrap', EPOCH, '--form', 'kaplan', '--budgets', '1e21', '--draws', '100');
  assert.notEqual(kaplan.status, 0);
  assert.match(kaplan.stderr, /Chinchilla form/);
  const many = cli('bootstrap', EPOCH, '--budgets', '1e21', '--draws', '2000000');
  assert.notEqual(many.status, 0);
  assert.match(many.stderr, /1,000,000/);
  const space = cli('bootstrap', EPOCH, '--budgets', '1e21', '--draw-space', 'ln');
  assert.notEqual(space.status, 0);
  assert.match(space.stderr, /draw-space/);
});
