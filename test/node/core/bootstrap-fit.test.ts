// `bootstrap` for every form and loss `fit` takes: its point estimate is the fit
// with the same options (bit for bit), its refits fit the same objective, within
// the same bounds, and its diagnostics warn where the intervals cannot be
// trusted (collinear N and D, a bound, failed refits, other basins) and stay
// silent on the demo runs. The CLI's `bootstrap` takes the flags of `fit`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrap } from '../../../src/core/bootstrap-fit.js';
import type { Interval } from '../../../src/core/bootstrap.js';
import { paramSources, publishedParams } from '../../../src/core/bootstrap-law.js';
import { fitSync } from '../../../src/core/fit.js';
import { OptionError } from '../../../src/errors.js';
import { evaluateLaw, type Law } from '../../../src/core/forms-eval.js';
import { predict } from '../../../src/core/law.js';
import { defaultSpec, type FormName } from '../../../src/engine/types.js';
import { demoCsv, demoRuns } from '../../../src/data/demo.js';
import { EPOCH_LAW, normals } from '../../../src/data/synthetic.js';
import { createResampler } from '../../../src/stats/resample.js';
import { bootstrapDiagnostics, type BootstrapFacts } from '../../../src/core/bootstrap-diagnostics.js';
import { describeDiagnostic } from '../../../src/i18n/diagnostics.js';

const LIMIT = { timeout: 120_000 };
const demo = demoRuns();

/** Runs on a broken power law in C (a break at 1e20 FLOPs): the broken form fits them in a moment, unlike the demo runs. */
function brokenRuns() {
  const law: Law = { form: 'broken', variable: 'C', params: { a: 1.5, b: 300, c0: 0.1, breaks: [{ c: 0.15, d: 1e20, f: 0.5 }] } };
  const N: number[] = [], D: number[] = [], loss: number[] = [];
  for (let i = 0; i < 24; i++) {
    const n = 1e7 * 10 ** (i / 6);
    N.push(n), D.push(20 * n), loss.push(evaluateLaw(law, { C: 120 * n * n }) * Math.exp(0.005 * Math.sin(7 * i)));
  }
  return { N, D, loss };
}

/** The demo runs with a unique-tokens column (1 to 4 epochs), for the data-constrained form. */
const constrained = { N: Array.from(demo.N), D: Array.from(demo.D), loss: Array.from(demo.loss), U: Array.from(demo.D, (d, i) => d / (1 + (i % 4))) };

/** Six runs, all at 20 tokens per parameter: N and D move together, so the law's N and D terms cannot be told apart. */
function collinearRuns() {
  const z = normals(2);
  const N = Array.from({ length: 6 }, (_, i) => 1e8 * 3 ** i);
  const D = N.map((n) => 20 * n);
  return { N, D, loss: N.map((n, i) => predict(EPOCH_LAW, n, D[i]) * Math.exp(0.01 * z())) };
}

const CASES: [string, object, Record<string, unknown>][] = [
  ['chinchilla', demo, {}],
  ['kaplan', demo, { form: 'kaplan' }],
  ['power', demo, { form: 'power', variable: 'C' }],
  ['saturating', demo, { form: 'saturating', variable: 'N' }],
  ['data-constrained', constrained, { form: 'data-constrained', base: EPOCH_LAW }],
  ['overtrained', demo, { form: 'overtrained' }],
  ['broken', brokenRuns(), { form: 'broken', variable: 'C' }],
];

test('for every form, the estimate beside each interval is fitSync with the same options, bit for bit', LIMIT, async () => {
  for (const [form, runs, options] of CASES) {
    const fitted = fitSync(runs as never, { loss: 'squared', ...options });
    const r = await bootstrap<FormName>(runs as never, { loss: 'squared', resamples: 20, ...options });
    assert.equal(r.form, form);
    assert.equal(r.loss, 'squared');
    const want = publishedParams(fitted.law);
    const params = r.params as Record<string, Interval>;
    assert.deepEqual(Object.keys(params), Object.keys(want), form);
    for (const [k, v] of Object.entries(want)) assert.equal(params[k].estimate, v, `${form} ${k}`);
    assert.equal(r.correlation.length, Object.keys(fitted.theta).length, form);
    assert.equal(r.derived === undefined, form !== 'chinchilla', form);
  }
});

test('the refits fit the same form and loss: replicate 1 is the fit of its resample from the estimate', LIMIT, async () => {
  const options = { form: 'power' as const, variable: 'C' as const, loss: 'squared' as const };
  const r = await bootstrap(demo, { ...options, resamples: 40, seed: 7 });
  const fitted = fitSync(demo, options);
  const alpha = r.params.alpha;
  assert.ok(alpha.lo < fitted.params.alpha && fitted.params.alpha < alpha.hi, `alpha ${fitted.params.alpha} in (${alpha.lo}, ${alpha.hi})`);
  assert.ok(alpha.lo < alpha.hi && alpha.sd > 0);
  // Replicate 1 drew these runs (the default generator, seed 7); fitting them from the estimate gives its θ.
  const rows = createResampler('default', 7, demo.N.length)();
  const pick = (a: Float64Array) => Array.from(rows, (i) => a[i]);
  const one = fitSync({ N: pick(demo.N), D: pick(demo.D), C: pick(demo.C), loss: pick(demo.loss) }, { ...options, starts: [fitted.theta] });
  for (const k of ['xc', 'alpha'] as const) {
    const got = r.samples[k][0], want = one.params[k];
    assert.ok(Math.abs(got - want) <= 1e-7 * Math.abs(want), `${k}: replicate ${got}, fit of the resample ${want}`);
  }
});

test('Chinchilla keeps its shape: the derived quantities, correlation over (a, b, e, α, β), and says its form and loss', LIMIT, async () => {
  const r = await bootstrap(demo, { resamples: 20, budgets: [5.76e23], at: [{ N: 7e10, D: 1.4e12 }] });
  for (const key of ['resamples', 'failed', 'level', 'rng', 'seed', 'params', 'derived', 'correlation', 'samples', 'engine', 'workers', 'ms', 'diagnostics']) {
    assert.ok(key in r, key);
  }
  assert.ok(!('notices' in r), 'what the bootstrap says is in its diagnostics, as codes');
  assert.deepEqual(Object.keys(r.params), ['A', 'B', 'E', 'alpha', 'beta']);
  assert.equal(r.derived.perBudget.length, 1);
  assert.equal(r.derived.loss.length, 1);
  assert.equal(r.correlation.length, 5);
  assert.equal(r.form, 'chinchilla');
  assert.equal(r.loss, 'huber');
  assert.equal(r.delta, 1e-3);
});

test('bounds hold in the refits, and refits held by one are reported (bootstrap-at-bound)', LIMIT, async () => {
  const free = fitSync(demo, { form: 'power' });
  const lower = { alpha: free.params.alpha * 1.5 };
  const r = await bootstrap(demo, { form: 'power', lower, resamples: 20 });
  assert.equal(r.params.alpha.estimate, lower.alpha);
  for (const a of r.samples.alpha) assert.ok(a >= lower.alpha * (1 - 1e-12), `alpha ${a} below its bound`);
  const held = r.diagnostics.find((d) => d.code === 'bootstrap-at-bound');
  assert.ok(held && held.parameter === 'alpha' && held.share >= 0.05, JSON.stringify(r.diagnostics));
  // The fit of all runs ended on the bound too: said as its own at-bound, marked as the estimate's, and worded so.
  const estimate = r.diagnostics.filter((d) => d.of === 'estimate');
  assert.deepEqual(estimate, [{ code: 'at-bound', severity: 'warning', parameter: 'alpha', side: 'lower', bound: lower.alpha, of: 'estimate' }]);
  assert.match(describeDiagnostic(estimate[0], 'en'), /^The fit of all runs: alpha ended on its lower bound/);
  assert.match(describeDiagnostic(estimate[0], 'zh'), /^全部实验的拟合：alpha 停在其下边界上/);
});

test('what the fit of all runs says of where it ended is among the bootstrap diagnostics (of: estimate), and only when it was fitted', LIMIT, async () => {
  const r = await bootstrap(demo, { loss: 'asymmetric', resamples: 5 });
  const estimate = r.diagnostics.filter((d) => d.of === 'estimate');
  assert.deepEqual(estimate, [{ code: 'not-certified', severity: 'warning', reason: 'piecewise-linear', of: 'estimate' }]);
  // An estimate the caller gave is not fitted, so nothing is said of it.
  const theta = fitSync(demo, { loss: 'asymmetric' }).theta;
  const given = await bootstrap(demo, { loss: 'asymmetric', resamples: 5, start: theta, estimate: theta });
  assert.ok(!given.diagnostics.some((d) => d.of === 'estimate'), JSON.stringify(given.diagnostics));
});

test('collinear N and D (six runs at 20 tokens per parameter): the bootstrap warns', LIMIT, async () => {
  const r = await bootstrap(collinearRuns(), { resamples: 200 });
  const codes = r.diagnostics.map((d) => d.code);
  assert.ok(codes.includes('bootstrap-wide'), JSON.stringify(r.diagnostics));
  const wide = r.diagnostics.filter((d) => d.code === 'bootstrap-wide').map((d) => d.parameter);
  // Which of the N and D terms' parameters comes out wide depends on the basin the fit lands in; one of them must.
  assert.ok(wide.some((k) => ['a', 'alpha', 'b', 'beta'].includes(k)), `wide: ${wide.join(', ')}`);
  for (const d of r.diagnostics) assert.equal(d.severity, 'warning');
  // The fit of all runs lands on a negative exponent here: the bootstrap says so, which is why it shows no estimate.
  const fitted = fitSync(collinearRuns());
  assert.ok(fitted.theta.alpha < 0 || fitted.theta.beta < 0, JSON.stringify(fitted.theta));
  assert.equal(r.params.alpha.estimate, undefined);
  assert.ok(r.diagnostics.some((d) => d.code === 'negative-exponent' && d.of === 'estimate'), JSON.stringify(r.diagnostics));
});

test('the demo runs give intervals without any warning', LIMIT, async () => {
  const r = await bootstrap(demo, { resamples: 200 });
  assert.equal(r.failed, 0);
  assert.deepEqual(r.diagnostics, []);
});

test('refits cut short by an iteration limit are reported (bootstrap-failed)', LIMIT, async () => {
  const r = await bootstrap(demo, { form: 'power', maxIterations: 2, resamples: 10 });
  const failed = r.diagnostics.find((d) => d.code === 'bootstrap-failed');
  assert.deepEqual(failed, { code: 'bootstrap-failed', severity: 'warning', failed: r.failed, resamples: 10 });
  assert.ok(r.failed > 0);
});

test('refits in another basin of the objective are reported (bootstrap-basins): a data-constrained fit with a second optimum', LIMIT, async () => {
  const r = await bootstrap(constrained, { form: 'data-constrained', base: EPOCH_LAW, resamples: 200 });
  const basins = r.diagnostics.find((d) => d.code === 'bootstrap-basins');
  assert.ok(basins && basins.share >= 0.05 && basins.share <= 1, JSON.stringify(r.diagnostics));
  // R_N is barely fixed here: refits scaled too far along it ran off to R_N ≈ 1e201 and failed (src/core/refit-scaling.ts).
  assert.equal(r.failed, 0);
});

test('the diagnostic rules: thresholds of share, width and span', () => {
  const interval = (lo: number, hi: number, estimate: number): Interval => ({ lo, hi, median: estimate, sd: 1, estimate });
  const facts = (over: Partial<BootstrapFacts>): BootstrapFacts => ({
    resamples: 100, failed: 0, names: ['a', 'alpha'], theta: [], params: {},
    sources: { A: { theta: 'a', scale: true }, alpha: { theta: 'alpha', scale: false } }, ...over,
  });
  const codes = (f: BootstrapFacts) => bootstrapDiagnostics(f).map((d) => `${d.code}${'parameter' in d ? ` ${d.parameter}` : ''}`);
  assert.deepEqual(codes(facts({ params: { A: interval(100, 1000, 300), alpha: interval(0.2, 0.5, 0.3) } })), []);
  assert.deepEqual(codes(facts({ params: { A: interval(100, 1001, 300), alpha: interval(0.2, 0.51, 0.3) } })), ['bootstrap-wide a', 'bootstrap-wide alpha']);
  const across = bootstrapDiagnostics(facts({ params: { alpha: interval(-0.1, 0.5, 0.3) } }))[0];
  assert.ok(across.code === 'bootstrap-wide' && across.orders === Infinity);
  const onBound = (k: number) => Array.from({ length: 100 }, (_, i) => Float64Array.of(5, i < k ? 0.25 : 0.3));
  assert.deepEqual(codes(facts({ theta: onBound(4), lower: [-Infinity, 0.25] })), []);
  assert.deepEqual(codes(facts({ theta: onBound(5), lower: [-Infinity, 0.25] })), ['bootstrap-at-bound alpha']);
  assert.deepEqual(codes(facts({ basins: { checked: 200, different: 9 } })), []);
  assert.deepEqual(bootstrapDiagnostics(facts({ basins: { checked: 200, different: 10 } })), [{ code: 'bootstrap-basins', severity: 'warning', share: 0.05 }]);
  assert.deepEqual(codes(facts({ failed: 1 })), ['bootstrap-failed']);
});

test('paramSources reads off lawFromTheta which θ each published parameter is, and whether it is e^θ', () => {
  assert.deepEqual(paramSources(defaultSpec()), {
    A: { theta: 'a', scale: true }, B: { theta: 'b', scale: true }, E: { theta: 'e', scale: true },
    alpha: { theta: 'alpha', scale: false }, beta: { theta: 'beta', scale: false },
  });
  const dc = paramSources(defaultSpec({ form: 'data-constrained', constants: Float64Array.of(6, 7, 0.5, 0.3, 0.3) }));
  assert.equal(dc.A, undefined);
  assert.deepEqual(dc.RD, { theta: 'lnRD', scale: true });
  const broken = paramSources(defaultSpec({ form: 'broken', breaks: 2 }));
  assert.deepEqual(Object.keys(broken), ['a', 'b', 'c0', 'c1', 'd1', 'f1', 'c2', 'd2', 'f2']);
  assert.deepEqual(broken.d2, { theta: 'lnd2', scale: true });
  assert.deepEqual(broken.c2, { theta: 'c2', scale: false });
});

test('options: a misspelt one, θ by the wrong names, and per-budget intervals off Chinchilla are refused by name', LIMIT, async () => {
  const named = (option: string) => (e: unknown) => e instanceof OptionError && e.option === option;
  await assert.rejects(bootstrap(demo, { los: 'squared' } as never), named('los'));
  await assert.rejects(bootstrap(demo, { form: 'power', budgets: [1e21] }), named('budgets'));
  const theta = { lnXc: 60, alpha: 0.05 };
  await assert.rejects(bootstrap(demo, { form: 'power', start: { a: 1, alpha: 0.05 }, estimate: theta, resamples: 2 }), named('start.a'));
  // With both θ₀ and the estimate the runs are not fitted again: the estimate is as given.
  const r = await bootstrap(demo, { form: 'power', variable: 'C', start: theta, estimate: theta, resamples: 5 });
  assert.equal(r.params.xc.estimate, Math.exp(60));
});

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: repo });
const tmp = mkdtempSync(join(tmpdir(), 'scaling-kit-bootstrap-'));
const demoFile = join(tmp, 'demo.csv');
writeFileSync(demoFile, demoCsv());

test('CLI: bootstrap takes the fit flags, and its estimates are the params of fit with the same flags', LIMIT, () => {
  for (const flags of [['--loss', 'squared'], ['--form', 'power', '--variable', 'C', '--loss', 'squared']]) {
    const b = cli('bootstrap', demoFile, ...flags, '--resamples', '20', '--json');
    assert.equal(b.status, 0, b.stderr);
    assert.equal(b.stderr, '');
    const f = cli('fit', demoFile, ...flags, '--json');
    assert.equal(f.status, 0, f.stderr);
    const boot = JSON.parse(b.stdout), fitted = JSON.parse(f.stdout);
    assert.equal(boot.form, fitted.form);
    assert.equal(boot.loss, 'squared');
    assert.deepEqual(boot.diagnostics, []);
    assert.deepEqual(Object.keys(boot.params), Object.keys(fitted.params));
    for (const [k, v] of Object.entries(fitted.params)) assert.equal(boot.params[k].estimate, v, `${flags.join(' ')}: ${k}`);
  }
});

test('CLI: the intervals of a power law, and each diagnostic as one line on stderr', LIMIT, () => {
  const runs = collinearRuns();
  const file = join(tmp, 'collinear.csv');
  writeFileSync(file, `N,D,loss\n${runs.N.map((n, i) => `${n},${runs.D[i]},${runs.loss[i]}`).join('\n')}\n`);
  const r = cli('bootstrap', file, '--resamples', '100');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^bootstrap of the chinchilla fit/);
  const lines = r.stderr.trimEnd().split('\n');
  assert.ok(lines.length >= 1 && lines.every((l) => /^warning: \S/.test(l)), r.stderr);
  assert.ok(lines.some((l) => /alpha/.test(l)), r.stderr);
  const p = cli('bootstrap', demoFile, '--form', 'power', '--variable', 'C', '--resamples', '20');
  assert.equal(p.status, 0, p.stderr);
  assert.match(p.stdout, /^bootstrap of the power fit \(Huber/);
  assert.match(p.stdout, /\n {2}xc +\S+ +95% \(/);
  assert.match(p.stdout, /\n {2}alpha +0\.05\d+ +95% \(/);
});
