// `scaling-kit fit` says what the fit says about itself: each diagnostic one
// line on stderr ("warning: …", in English), exit code 0; --json carries
// diagnostics, certified and standardErrors; the text output marks what the
// data do not determine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run.js';
import { formatDiagnostics } from '../../../src/cli/format.js';
import { diagnostic } from '../../../src/core/diagnostic-codes.js';

const tmp = mkdtempSync(join(tmpdir(), 'scaling-kit-cli-diag-'));

/** Six runs, all at 20 tokens per parameter, losses from Hoffmann et al.'s law with a little noise. */
function lockstepCsv(): string {
  const noise = [0.004, -0.003, 0.002, -0.005, 0.003, -0.001];
  const rows = [1e8, 2e8, 4e8, 8e8, 1.6e9, 3.2e9].map((N, i) => {
    const D = 20 * N;
    return `${N},${D},${((1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28) * Math.exp(noise[i])).toFixed(5)}`;
  });
  const path = join(tmp, 'lockstep.csv');
  writeFileSync(path, `N,D,loss\n${rows.join('\n')}\n`);
  return path;
}

test('N and D in lockstep: an error line about the tokens-per-parameter ratio on stderr, exit code 0', async () => {
  const r = await runCli(['fit', lockstepCsv(), '--engine', 'js']);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stderr.trimEnd().split('\n');
  for (const line of lines) assert.match(line, /^(info|warning|error): [A-Z0-9]/, line);
  assert.ok(lines.some((l) => /^error: Every run has the same ratio of tokens to parameters \(about 20 tokens per parameter\)/.test(l)), r.stderr);
  assert.match(r.stdout, /not determined/);
  assert.match(r.stdout, /converged \([^)]*\), with 1 error/);
  assert.doesNotMatch(r.stdout, /warning:|error:/, 'diagnostics go to stderr only');
});

test('--json keeps diagnostics, certified and standardErrors; stdout is JSON alone', async () => {
  const r = await runCli(['fit', lockstepCsv(), '--engine', 'js', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(Array.isArray(out.diagnostics), 'diagnostics');
  assert.ok(out.diagnostics.some((d: { code: string; severity: string }) => d.code === 'collinear-nd' && d.severity === 'error'));
  assert.equal(typeof out.certified, 'boolean');
  assert.equal(typeof out.standardErrors, 'object');
  assert.deepEqual(Object.keys(out.standardErrors).sort(), ['a', 'alpha', 'b', 'beta', 'e']);
  assert.equal(r.stderr.trimEnd().split('\n').length, out.diagnostics.length);
});

test('the demo data: no warning or error on stderr, standard errors beside the parameters, certified', async () => {
  const r = await runCli(['fit', '--engine', 'js']);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /^(warning|error):/m, r.stderr);
  assert.match(r.stdout, /standard errors: A ± [\d.]+, B ± [\d.]+, E ± [\d.]+, alpha ± [\d.]+, beta ± [\d.]+/);
  assert.match(r.stdout, /global optimum certified/);
  const json = JSON.parse((await runCli(['fit', '--engine', 'js', '--json'])).stdout);
  assert.equal(json.certified, true);
  for (const [k, se] of Object.entries(json.standardErrors)) assert.ok(Number.isFinite(se) && (se as number) > 0, `${k}: ${se}`);
});

test('a column name with a line break stays on one line of stderr; parameters named as the law prints them', () => {
  const text = formatDiagnostics([
    diagnostic('constant-column', 'error', { column: 'N\nx', value: 1e8 }),
    diagnostic('negative-exponent', 'warning', { parameter: 'alpha', value: -0.1 }),
    diagnostic('dead-term', 'warning', { term: 'E', parameters: ['e'], share: 0 }),
  ], 'chinchilla');
  const lines = text.split('\n');
  assert.equal(lines.length, 3, text);
  assert.match(lines[0], /^error: Column "N\\nx" has the same value \(1e8\)/);
  assert.match(lines[1], /^warning: The exponent alpha is negative \(−0\.1\)/);
  assert.match(lines[2], /do not determine E\.$/);
});
