// `scaling-kit isoflop FILE --approach akima` as a user runs it, on Porian et
// al.'s "Reproducing Kaplan et al." isoFLOPs (RefinedWeb;
// test/fixtures/data/porian2024-rw-kaplan-isoflops.csv). With the default
// seed 42 the first budget's noise is the noise of their code, so its optimum
// and spread are their stored ones (porian2024-isoflop-optima.csv).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const FILE = fileURLToPath(new URL('test/fixtures/data/porian2024-rw-kaplan-isoflops.csv', `file://${repo}`));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: repo });

test('isoflop --approach akima --json names the approach and reproduces Porian et al.\'s first stored optimum', () => {
  const r = cli('isoflop', FILE, '--approach', 'akima', '--seed-noise', '0.002', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.approach, 'akima');
  assert.deepEqual(out.options, { tolerance: 0.1, minPoints: 3, logBase: 10, approach: 'akima', level: 0.95, seedNoise: 0.002, replicas: 1000, seed: 42 });
  assert.equal(out.accepted, 11);
  const first = out.budgets[0];
  // Stored: N_opt 1229786.99, N_opt_logstd 0.2349700815 (10 significant digits).
  assert.ok(Math.abs(first.N / 1229786.99 - 1) < 1e-9 && Math.abs(first.lnNStd / 0.2349700815 - 1) < 1e-9, JSON.stringify(first));
  assert.equal(first.validReplicas, 1000);
  assert.equal(out.N.interval, 'percentile-bootstrap');
  assert.equal(out.N.replicaFits, 1000);
  assert.ok(out.N.lo < out.N.a && out.N.a < out.N.hi);
  // Their stored exponent is 0.8353 (0.8235, 0.8460): after the first budget their code draws noise for a second spline too.
  assert.ok(Math.abs(out.N.a - 0.8353) < 0.005, `a = ${out.N.a}`);
});

test('isoflop --approach akima prints the spread and valid replicas per budget and says the interval is a percentile bootstrap', () => {
  const r = cli('isoflop', FILE, '--approach', 'akima', '--replicas', '200', '--seed', '5');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^IsoFLOP analysis \(Akima spline, 200 replicas with seed noise 0\.002 \(seed 5\)\): 11 of 11 budgets accepted/);
  assert.match(r.stdout, /C = 1\.25e\+16 +11 runs +N\* = [\d.]+M, D\* = [\d.]+B, loss [\d.]+; sd\(ln N\*\) [\d.]+, \d+ of 200 replicas valid/);
  assert.match(r.stdout, /\(a 95% percentile-bootstrap interval over \d+ replica fits [\d.]+ to [\d.]+\)/);
  // The parabola stays the default; on these isoFLOPs it puts three vertices outside the sampled sizes.
  const p = cli('isoflop', FILE);
  assert.equal(p.status, 0, p.stderr);
  assert.match(p.stdout, /^IsoFLOP analysis \(parabola\): 8 of 11 budgets accepted/);
  assert.match(p.stdout, /\(a 95% interval /);
});

test('isoflop flag mistakes: one line, exit code 2', () => {
  const cases: [string[], RegExp][] = [
    [['--approach', 'spline'], /^scaling-kit: option --approach: expected one of parabola, akima, got "spline"\n$/],
    [['--seed', '3'], /^scaling-kit: option --seed: applies to --approach akima only\n$/],
    [['--approach', 'akima', '--replicas', '0'], /^scaling-kit: option --replicas: expected a whole number from 1 to 100,000 \(a fixed limit\), got "0"\n$/],
    [['--approach', 'akima', '--seed-noise=-1'], /^scaling-kit: option --seed-noise: expected a positive number, got "-1"\n$/],
  ];
  for (const [flags, pattern] of cases) {
    const r = cli('isoflop', FILE, ...flags);
    assert.equal(r.status, 2, `${flags.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, pattern);
  }
});
