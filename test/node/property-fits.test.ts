// Property-based tests of the fitters (fast-check): random small sets of runs —
// N and D from 1e3 to 1e15 and out to 1e±300, one row, equal N, duplicate rows,
// flat or noisy losses, losses just above E — fitted with random options
// (every form and loss, Huber δ, bounds, starts, iteration limits, engines).
// Every case must end in a result whose every number is finite, or in a typed
// error naming the row/column/option; never another exception or a NaN.
// Fits cost milliseconds, so these run far fewer cases than the readers, on
// small data, with the fast strategy (exact only where the grid is small).
//
// Seed: FC_SEED when set, a constant in CI, else the clock; printed, and
// repeated by a failure message. A failing seed becomes a regression test below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LIMIT, SEED, check as checkProperty } from '../fixtures/property.js';
import { DataError, OptionError, ScalingKitError } from '../../src/errors.js';
import { fitSync, type FitResult } from '../../src/core/fit.js';
import type { FitOptions } from '../../src/core/fit-options.js';
import { thetaNames } from '../../src/core/forms.js';
import { runsFromArrays } from '../../src/core/runs.js';
import { SOLVER_STATUS, isConvergedStatus, type FormName } from '../../src/engine/types.js';

let tally: Record<string, number> = {};
const count = (k: string) => { tally[k] = (tally[k] ?? 0) + 1; };
const check = <T>(name: string, property: fc.IProperty<T>, numRuns: number) => checkProperty(name, property, numRuns, () => {
  const t = Object.entries(tally).map(([k, v]) => `${k} ${v}`).join(', ');
  tally = {};
  return t;
});

// ---- data -----------------------------------------------------------------------

interface Data { N: number[]; D: number[]; loss: number[]; U: number[]; weight: number[] }

const logUniform = (lo: number, hi: number) => fc.double({ min: Math.log10(lo), max: Math.log10(hi), noNaN: true }).map((e) => 10 ** e);

/** Runs near a Chinchilla law with noise; degenerate designs included. */
const data: fc.Arbitrary<Data> = fc.record({
  n: fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }) }, { weight: 4, arbitrary: fc.integer({ min: 7, max: 24 }) }),
  scaleN: fc.constantFrom<[number, number]>([1e3, 1e15], [1e3, 1e15], [1e3, 1e15], [1e6, 1e12], [1e-300, 1e-280], [1e280, 1e300], [1e-150, 1e150]),
  scaleD: fc.constantFrom<[number, number]>([1e3, 1e15], [1e3, 1e15], [1e3, 1e15], [1e6, 1e12], [1e-300, 1e-280], [1e280, 1e300], [1e-150, 1e150]),
  design: fc.constantFrom('random', 'random', 'random', 'same-N', 'same-D', 'duplicates', 'flat', 'near-E', 'valley'),
  E: logUniform(0.1, 10),
  A: logUniform(1e-2, 1e4),
  B: logUniform(1e-2, 1e4),
  alpha: fc.double({ min: 0.02, max: 1.2, noNaN: true }),
  beta: fc.double({ min: 0.02, max: 1.2, noNaN: true }),
  noise: fc.constantFrom(0, 1e-6, 0.01, 0.1, 1),
  seeds: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 72, maxLength: 72 }),
}).map((r) => {
  const within = ([lo, hi]: [number, number]) => (u: number) => Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo)));
  const atN = within(r.scaleN), atD = within(r.scaleD);
  const N: number[] = [], D: number[] = [], loss: number[] = [];
  for (let i = 0; i < r.n; i++) {
    const u = r.seeds[3 * i], v = r.seeds[3 * i + 1], z = r.seeds[3 * i + 2] - 0.5;
    let n = atN(u), d = atD(v);
    if (r.design === 'same-N') n = atN(0.5);
    if (r.design === 'same-D') d = atD(0.5);
    if (r.design === 'duplicates' && i % 2 === 1) (n = N[i - 1], d = D[i - 1]);
    if (r.design === 'valley') d = atD(0.9 - 0.8 * u); // N and D trade off: a flat A/B valley
    const reducible = r.design === 'near-E' ? 1e-9 * r.E : r.A * n ** -r.alpha + r.B * d ** -r.beta;
    let L = (r.E + reducible) * Math.exp(r.noise * z);
    if (r.design === 'flat') L = r.E;
    if (!(Number.isFinite(L) && L > 0)) L = r.E;
    N.push(n); D.push(d); loss.push(L);
  }
  const U = D.map((d, i) => d * (0.05 + r.seeds[(i % 12) + 60]));
  const weight = N.map((_, i) => Math.round(3 * r.seeds[(i + 7) % 72]));
  return { N, D, loss, U, weight };
});

// ---- options --------------------------------------------------------------------

const FORMS: FormName[] = ['chinchilla', 'kaplan', 'power', 'saturating', 'data-constrained', 'overtrained', 'broken'];
/** Forms whose start grid is small enough for strategy "exact" in a property test. */
const SMALL_GRID = new Set<FormName>(['power', 'saturating', 'data-constrained']);
const BASE = { A: 482.01, B: 2085.43, E: 1.817, alpha: 0.3478, beta: 0.3658 };

const thetaValue = fc.oneof({ weight: 6, arbitrary: fc.double({ min: -30, max: 30, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(0, 700, -700, 1e300) });

const options = fc.record({
  form: fc.constantFrom(...FORMS),
  loss: fc.constantFrom('huber', 'huber', 'squared', 'squared-raw', 'asymmetric'),
  delta: fc.option(logUniform(1e-8, 10), { freq: 3 }),
  asymmetry: fc.option(logUniform(0.1, 100), { freq: 4 }),
  variable: fc.constantFrom('N', 'D', 'C'),
  breaks: fc.constantFrom(1, 1, 2),
  exact: fc.boolean(),
  engine: fc.constantFrom('js', 'auto', 'scalar'),
  maxIterations: fc.option(fc.integer({ min: 1, max: 40 }), { freq: 2 }),
  starts: fc.option(fc.array(fc.array(thetaValue, { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 3 }), { freq: 4 }),
  bounds: fc.option(fc.array(fc.tuple(fc.nat(11), thetaValue, fc.double({ min: 0, max: 5, noNaN: true }), fc.constantFrom('lower', 'upper', 'both')), { minLength: 1, maxLength: 3 }), { freq: 3 }),
  weighted: fc.boolean(),
}).map((o) => {
  const names = thetaNames(o.form, o.breaks);
  const out: FitOptions = { form: o.form, loss: o.loss as FitOptions['loss'], variable: o.variable as FitOptions['variable'], breaks: o.breaks, engine: o.engine as FitOptions['engine'], strategy: o.exact && SMALL_GRID.has(o.form) ? 'exact' : 'fast' };
  if (o.delta !== null) out.delta = o.delta;
  if (o.asymmetry !== null) out.asymmetry = o.asymmetry;
  if (o.maxIterations !== null) out.maxIterations = o.maxIterations;
  if (o.form === 'data-constrained') out.base = BASE;
  if (o.starts) out.starts = o.starts.map((s) => Object.fromEntries(names.map((k, i) => [k, s[i]])));
  if (o.bounds) {
    const lower: Record<string, number> = {}, upper: Record<string, number> = {};
    for (const [i, at, width, side] of o.bounds) {
      const k = names[i % names.length];
      if (side !== 'upper') lower[k] = at;
      if (side !== 'lower') upper[k] = at + width;
    }
    if (Object.keys(lower).length) out.lower = lower;
    if (Object.keys(upper).length) out.upper = upper;
  }
  return { options: out, weighted: o.weighted };
});

// ---- the oracle -------------------------------------------------------------------

/** Every number anywhere in `value` is finite (typed arrays included). */
function assertFinite(value: unknown, path: string): void {
  if (typeof value === 'number') return assert.ok(Number.isFinite(value), `${path} = ${value}`);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>).forEach((x, i) => assertFinite(x, `${path}[${i}]`));
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
}

function assertResult(r: FitResult, o: FitOptions, runs: number): void {
  const { standardErrors, diagnostics, ...rest } = r;
  assertFinite(rest, 'result');
  // A standard error is finite and ≥ 0, or NaN with a diagnostic saying why (singular curvature, or an error about the data).
  const missing = Object.entries(standardErrors).filter(([, v]) => !Number.isFinite(v));
  for (const [k, v] of Object.entries(standardErrors)) assert.ok(Number.isNaN(v) || v >= 0, `standardErrors.${k} = ${v}`);
  if (missing.length) assert.ok(diagnostics.some((d) => d.code === 'no-standard-errors' || d.severity === 'error') || r.loss === 'asymmetric', `NaN standard errors without a diagnostic: ${JSON.stringify(diagnostics)}`);
  for (const d of diagnostics) assert.ok(typeof d.code === 'string' && ['info', 'warning', 'error'].includes(d.severity), JSON.stringify(d));
  assert.equal(typeof r.certified, 'boolean');
  if (!r.certified) assert.ok(diagnostics.some((d) => d.code === 'not-certified'), 'an uncertified fit says so');
  assert.equal(r.form, o.form ?? 'chinchilla');
  assert.equal(r.runs, runs);
  assert.deepEqual(Object.keys(r.theta), thetaNames(r.form, o.breaks ?? 1));
  assert.equal(typeof r.converged, 'boolean');
  // Converged exactly when the polish stopped at a minimum; otherwise the status names the limit (and a diagnostic says so).
  if (r.status === 'gradient-not-finite') {
    assert.equal(r.converged, false);
    assert.ok(diagnostics.some((d) => d.code === 'gradient-not-finite'), 'a broken gradient says so');
  } else {
    assert.ok((SOLVER_STATUS as readonly string[]).includes(r.status), r.status);
    assert.equal(r.converged, Number.isFinite(r.objective) && isConvergedStatus(SOLVER_STATUS.indexOf(r.status)), r.status);
    if (!isConvergedStatus(SOLVER_STATUS.indexOf(r.status))) assert.ok(diagnostics.some((d) => d.code === 'not-converged' && d.status === r.status), 'a limit says so');
  }
  assert.ok(Array.isArray(r.atBounds));
  for (const k of r.atBounds) {
    assert.ok(k in r.theta, k);
    assert.ok(diagnostics.some((d) => d.code === 'at-bound' && d.parameter === k), `an at-bound diagnostic names ${k}`);
  }
  assert.ok(r.starts.total >= 1 && r.starts.withinTolerance <= r.starts.total);
}

function assertTyped(e: unknown): void {
  if (!(e instanceof ScalingKitError)) throw new Error(`not a ScalingKitError: ${(e as Error)?.stack ?? String(e)}`);
  if (e instanceof OptionError) return assert.ok(e.message.includes(e.option), e.message);
  assert.ok(e instanceof DataError, e.message);
  if (e.code === 'bad-value') assert.ok(typeof e.column === 'string' && e.message.includes(`"${e.column}"`), e.message);
}

test('random runs and options: a result with every number finite, or a typed error', LIMIT, () => {
  check('fit', fc.property(data, options, (d, { options: o, weighted }) => {
    try {
      const input = runsFromArrays({ N: d.N, D: d.D, loss: d.loss });
      const runs = { ...input, U: Float64Array.from(d.U), ...(weighted && { weight: Float64Array.from(d.weight) }), columns: { ...input.columns, U: 'U' } };
      const r = fitSync(runs, o);
      assertResult(r, o, d.N.length);
      count(r.converged ? 'converged' : 'not-converged');
      if (r.atBounds.length) count('at-bounds');
    } catch (e) {
      if (e instanceof assert.AssertionError) throw e;
      assertTyped(e);
      count((e as ScalingKitError).code);
    }
  }), 3000);
});
