// Property-based tests of option handling (fast-check): random option values —
// wrong types, NaN, ±Infinity, negatives, zeros, 1e-300 and 1e300, unknown keys —
// for fit, readRuns' column mapping, the IsoFLOP analysis, planning and cost.
// Each call returns a result whose every number is finite, or throws an
// OptionError (or, for data, a DataError) that names the culprit; nothing else.
//
// Seed: FC_SEED when set, a constant in CI, else the clock; printed, and
// repeated by a failure message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { LIMIT, SEED, check as checkProperty } from '../fixtures/property.js';
import { DataError, OptionError, ScalingKitError } from '../../src/errors.js';
import { fitSync } from '../../src/core/fit.js';
import { isoflop } from '../../src/core/isoflop.js';
import { computeForLoss, inferenceOptimal, optimalAllocation } from '../../src/core/planning.js';
import { trainingCost } from '../../src/core/cost.js';
import { evaluateLaw, type Law } from '../../src/core/forms-eval.js';
import { readRuns, runsFromArrays } from '../../src/core/runs.js';
import { generateRuns } from '../../src/data/synthetic.js';

let tally: Record<string, number> = {};
const check = <T>(name: string, property: fc.IProperty<T>, numRuns: number) => checkProperty(name, property, numRuns, () => {
  const t = Object.entries(tally).map(([k, v]) => `${k} ${v}`).join(', ');
  tally = {};
  return t;
});

/** Anything a caller might pass where a number, string or object is expected. */
const junk = fc.constantFrom<unknown>(undefined, null, NaN, Infinity, -Infinity, 0, -0, -1, 1e-300, 1e300, 0.5, 1.5, 3, 1e9, '', 'x', '3', 'huber', 'N', 'fast', 'js', true, [], [1], {}, { a: 1 }, () => 1);
const number = fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(0, -0, 1e-300, 1e300, 5e-324, Number.MAX_VALUE, 0.3, 2, 1e21, 5.76e23));

/**
 * Every number in `value` is finite — or, with `overflow`, at least not NaN: a
 * law or a cost evaluated at astronomically extreme inputs may honestly exceed
 * double precision (±Infinity), but never lose its meaning (NaN).
 */
function assertFinite(value: unknown, path: string, overflow = false): void {
  if (typeof value === 'number') return assert.ok(overflow ? !Number.isNaN(value) : Number.isFinite(value), `${path} = ${value}`);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>).forEach((x, i) => assertFinite(x, `${path}[${i}]`, overflow));
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`, overflow);
}

/** Runs `f`: a finite result, or an OptionError naming its option (a DataError where data are at fault). */
function outcome(f: () => unknown, data = false, overflow = false): void {
  try {
    assertFinite(f(), 'result', overflow);
    tally.ok = (tally.ok ?? 0) + 1;
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    if (!(e instanceof ScalingKitError)) throw new Error(`not a ScalingKitError: ${(e as Error)?.stack ?? String(e)}`);
    if (e instanceof OptionError) {
      assert.ok(e.option.length > 0 && e.message.includes(e.option), `${e.option}: ${e.message}`);
      tally[e.option.split(/[.[]/)[0]] = (tally[e.option.split(/[.[]/)[0]] ?? 0) + 1;
      return;
    }
    assert.ok(data && e instanceof DataError, `${e.name} ${e.code}: ${e.message}`);
    tally[e.code] = (tally[e.code] ?? 0) + 1;
  }
}

const runs = readRuns(generateRuns({ seed: 7, budgets: [1e18, 1e19, 1e20], sizesPerBudget: 5 }));

test('fit options of any type: a finite result or an OptionError naming the option', LIMIT, () => {
  const keys = ['form', 'loss', 'delta', 'asymmetry', 'variable', 'breaks', 'base', 'strategy', 'engine', 'workers', 'starts', 'lower', 'upper', 'maxIterations', 'dropHighest', 'columns', 'weights', 'unique'];
  const value = fc.oneof(junk, number, fc.constantFrom<unknown>('chinchilla', 'power', 'saturating', 'squared', 'asymmetric', 'D', 'C', 'exact', 'scalar', 9, { a: 1 }, { alpha: 0.3 }, { alpha: NaN }, { nope: 1 }, [{ a: 1, b: 1, e: 0, alpha: 0.3, beta: 0.3 }], [{ a: 1 }], { N: 'N' }, { A: 1, B: 1, E: 1, alpha: 0.3, beta: 0.3 }));
  check('fit-options', fc.property(fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 3 }), (o) => {
    // Starts and the exact strategy stay cheap: the fast default, or a handful of starts.
    if (o.strategy === 'exact' && !Array.isArray(o.starts)) o.strategy = 'fast';
    outcome(() => {
      // Standard errors are NaN, with a diagnostic saying so, where the curvature is singular (e.g. delta 1e-300).
      const { standardErrors, diagnostics, ...rest } = fitSync(runs, o as never);
      if (Object.values(standardErrors).some(Number.isNaN)) assert.ok(diagnostics.some((d) => d.code === 'no-standard-errors' || d.severity === 'error') || rest.loss === 'asymmetric');
      return rest;
    }, true);
  }), 600);
});

test('readRuns column mappings of any shape: runs or an error naming columns.<role>', LIMIT, () => {
  const text = 'N,D,C,loss,U,weight\n1e9,2e10,1.2e20,2.5,1e10,1\n2e9,4e10,4.8e20,2.3,2e10,2\n';
  const mapping = fc.oneof(junk, fc.dictionary(fc.constantFrom('N', 'D', 'C', 'loss', 'U', 'x', 'toString', '__proto__'), fc.oneof(junk, fc.constantFrom('N', 'D', 'C', 'loss', 'U', 'weight', 'n', ' loss ', 'nope'))));
  check('columns', fc.property(mapping, fc.oneof(junk, fc.constantFrom('weight', 'U')), fc.oneof(junk, fc.constantFrom('U', 'weight')), (columns, weights, unique) => {
    outcome(() => readRuns(text, { columns, weights, unique } as never), true);
  }), 1500);
});

test('IsoFLOP options of any type: an analysis with finite numbers or an OptionError', LIMIT, () => {
  const llama = readRuns(readFileSync(new URL('../fixtures/data/llama3-isoflops-digitized.csv', import.meta.url), 'utf8'));
  const budgets = fc.oneof(junk, fc.array(fc.oneof(number, junk), { maxLength: 4 }), fc.constant([6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21]));
  check('isoflop', fc.property(fc.record({ tolerance: fc.oneof(junk, number), minPoints: fc.oneof(junk, number), logBase: fc.oneof(junk, number), level: fc.oneof(junk, number), budgets, approach: fc.oneof(junk, fc.constant('parabola')) }, { requiredKeys: [] }), (o) => {
    outcome(() => {
      const r = isoflop(llama, o as never);
      return { ...r, budgets: r.budgets.filter((b) => b.accepted), predict: r.predict(1e22) };
    }, true);
  }), 800);
});

test('regression: an IsoFLOP budget so small that C/budget overflows leaves runs unassigned, not a TypeError', LIMIT, () => {
  const llama = readRuns(readFileSync(new URL('../fixtures/data/llama3-isoflops-digitized.csv', import.meta.url), 'utf8'));
  assert.throws(() => isoflop(llama, { budgets: [5e-324] }), (e: unknown) => e instanceof DataError && e.code === 'too-few-runs');
  const r = isoflop(llama, { budgets: [5e-324, 6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21] });
  assert.ok(r.accepted >= 2);
});

test('planning with random laws, budgets and targets: a finite allocation or an OptionError', LIMIT, () => {
  const positive = fc.oneof(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.constantFrom(1e-300, 1e300, 0, -1, NaN));
  const law = fc.oneof(
    fc.record({ A: positive, B: positive, E: positive, alpha: fc.oneof(fc.double({ min: 0.01, max: 3, noNaN: true }), junk), beta: fc.oneof(fc.double({ min: 0.01, max: 3, noNaN: true }), junk) })
      .map((params) => ({ form: 'chinchilla', params }) as Law),
    fc.record({ Nc: positive, Dc: positive, alphaN: fc.double({ min: 0.01, max: 1, noNaN: true }), alphaD: fc.double({ min: 0.01, max: 1, noNaN: true }) })
      .map((params) => ({ form: 'kaplan', params }) as Law),
    fc.constant({ form: 'power', variable: 'N', params: { xc: 1e13, alpha: 0.07 } } as Law),
    junk as fc.Arbitrary<Law>,
  );
  const C = fc.oneof(fc.double({ min: 1e10, max: 1e30, noNaN: true }), number, junk);
  check('planning', fc.property(law, C, fc.oneof(junk, fc.double({ min: 0.5, max: 5, noNaN: true })), fc.oneof(fc.constant(undefined), junk, fc.constant({ flopsPerToken: 8 }), fc.constant({ method: 'numeric' })), (l, c, target, options) => {
    outcome(() => optimalAllocation(l, c as number, options as never), false, true);
    outcome(() => computeForLoss(l, target as number, options as never), false, true);
    outcome(() => evaluateLaw(l, { N: c as number, D: c as number }), false, true);
  }), 1200);
  check('inference', fc.property(law, fc.oneof(junk, fc.double({ min: 0.5, max: 5, noNaN: true })), fc.oneof(junk, fc.double({ min: 0, max: 1e15, noNaN: true })), (l, targetLoss, inferenceTokens) => {
    outcome(() => inferenceOptimal(l, { targetLoss, inferenceTokens } as never), false, true);
  }), 400);
});

test('regression: a compute-optimal split beyond double precision is an OptionError, not NaN', LIMIT, () => {
  // G = (αA/(βB))^(1/(α+β)) underflows to 0 here, and N* = 0, D* = ∞, C = 0·∞ = NaN came back.
  const law = { form: 'chinchilla', params: { A: 1e-6, B: 3, E: 1e-6, alpha: 0.01, beta: 0.01 } } as Law;
  assert.throws(() => optimalAllocation(law, 1e10), (e: unknown) => e instanceof OptionError && e.option === 'params' && /double precision/.test(e.message));
  // Where the logs can represent it, the split is found even though G itself underflows.
  const o = optimalAllocation({ form: 'chinchilla', params: { A: 1e-6, B: 3, E: 1e-6, alpha: 0.02, beta: 0.02 } } as Law, 1e20);
  for (const v of [o.N, o.D, o.C, o.loss]) assert.ok(Number.isFinite(v) && v > 0, String(v));
});

test('regression: cost and planning with options null are OptionErrors, not TypeErrors', LIMIT, () => {
  assert.throws(() => trainingCost(1e24, null as never), (e: unknown) => e instanceof OptionError && e.option === 'options');
  const law = { form: 'chinchilla', params: { A: 406.4, B: 410.7, E: 1.69, alpha: 0.34, beta: 0.28 } } as Law;
  assert.throws(() => optimalAllocation(law, 1e24, null as never), (e: unknown) => e instanceof OptionError && e.option === 'options');
  assert.throws(() => computeForLoss(law, 2, null as never), (e: unknown) => e instanceof OptionError && e.option === 'options');
});

test('regression: a cost that overflows is an OptionError, and a zero rate never makes NaN', LIMIT, () => {
  // mfu 5e-324 made the GPU-hours ∞, and ∞ kWh × 0 kg/kWh was NaN.
  assert.throws(() => trainingCost(1e9, { mfu: 5e-324, gridIntensity: 0 }), (e: unknown) => e instanceof OptionError && e.option === 'mfu');
  const c = trainingCost(1e24, { mfu: 1e-300, pue: 1e300, gridIntensity: 0, pricePerGpuHour: 0 });
  assert.equal(c.co2eKg, 0);
  assert.equal(c.dollars, 0);
});

test('training cost with random options: finite figures or an OptionError naming the option', LIMIT, () => {
  const options = fc.record({ hardware: fc.oneof(junk, fc.constantFrom('h100-sxm', 'a100-sxm', 'tpu', { peakFlops: 1e15, watts: 700 }, { peakFlops: -1, watts: 1 })), mfu: fc.oneof(junk, number), gpus: fc.oneof(junk, number), pricePerGpuHour: fc.oneof(junk, number), pue: fc.oneof(junk, number), gridIntensity: fc.oneof(junk, number) }, { requiredKeys: [] });
  check('cost', fc.property(fc.oneof(number, junk), fc.oneof(junk, options), (C, o) => {
    outcome(() => trainingCost(C as number, o as never), false, true);
  }), 1500);
});

test('runsFromArrays with random lengths and values: runs or a data error naming the row and column', LIMIT, () => {
  const column = fc.array(fc.oneof(number, junk), { maxLength: 6 });
  check('arrays', fc.property(column, fc.option(column), column, (N, D, loss) => {
    outcome(() => runsFromArrays({ N: N as number[], ...(D ? { D: D as number[] } : { C: N as number[] }), loss: loss as number[] }), true);
  }), 1500);
});
