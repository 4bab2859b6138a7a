// The errors of fitting and using laws in words (src/i18n/error-words/fit.ts and law.ts):
// each key raised through the function that raises it, with its detail; the
// English rendering is the message, and the Chinese words have no English sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EN, ZH } from '../../../src/i18n/error-words/fit.js';
import { EN as LAW_EN, ZH as LAW_ZH } from '../../../src/i18n/error-words/law.js';
import { EN as LOGLINEAR_EN, ZH as LOGLINEAR_ZH } from '../../../src/i18n/error-words/loglinear.js';
import { EN as COMMON_EN } from '../../../src/i18n/error-words/common.js';
import { describeError } from '../../../src/i18n/errors.js';
import { DataError, OptionError } from '../../../src/errors.js';
import { fitSync } from '../../../src/core/fit.js';
import { checkRepresentable } from '../../../src/core/fit-checks.js';
import { resolveFitOptions, type FitOptions } from '../../../src/core/fit-options.js';
import { lawFromTheta } from '../../../src/core/forms.js';
import { fitDataFromRuns } from '../../../src/core/fit-data.js';
import { runsFromArrays } from '../../../src/core/runs.js';
import { bootstrap } from '../../../src/core/bootstrap-fit.js';
import { bootstrapChinchilla, type BootstrapRefit } from '../../../src/core/bootstrap.js';
import { bootstrapLaw } from '../../../src/core/bootstrap-law.js';
import { checkLevel, fitPowerLaw, studentTQuantile } from '../../../src/core/loglinear.js';
import { envelope } from '../../../src/core/envelope.js';
import { checkLaw, evaluateLaw, lossFunction } from '../../../src/core/forms-eval.js';
import { computeOptimal } from '../../../src/core/law.js';
import { brentZero } from '../../../src/core/solve1d.js';
import { predictChain } from '../../../src/core/chain.js';
import { bootstrapChain } from '../../../src/core/chain-bootstrap.js';
import { defaultSpec } from '../../../src/engine/types.js';
import type { Runs } from '../../../src/core/runs-types.js';
import { testEachKeyWorded, testSamePlaceholders, thrown } from './error-cases.js';

/** Shared keys this area raises may have cases here too (every one has its own in error-words-common.test.ts). */
type CommonKey = keyof typeof COMMON_EN;

type Key = keyof typeof EN | keyof typeof LAW_EN | keyof typeof LOGLINEAR_EN;
const JS = { engine: 'js' as const, workers: 0 };

// Runs a Chinchilla law fits; sizes and token counts both vary.
const ok = {
  N: Array.from({ length: 10 }, (_, i) => 1e9 * (i + 1)),
  D: Array.from({ length: 10 }, (_, i) => 1e10 * (10 - i)),
  loss: Array.from({ length: 10 }, (_, i) => 3 - 0.1 * i),
};
const okRuns = runsFromArrays(ok);
const theta0 = { a: 6, b: 7, e: 0.5, alpha: 0.34, beta: 0.28 };
const BASE = { A: 482.01, B: 2085.43, E: 1.817, alpha: 0.3478, beta: 0.3658 };
const chinchillaLaw = { form: 'chinchilla' as const, params: BASE };
const TASK_LAW = { form: 'task-exp' as const, variable: 'L' as const, params: { eps: 0.85, k: 2.6, gamma: 0.8 } };
const powerLaw = { form: 'power' as const, variable: 'N' as const, params: { xc: 1e10, alpha: 0.1 } };

/** `checkRepresentable` on θ (by position) fitted with `options`, its objective `objective`; the runs given unless `withoutRuns`. */
function represent(runs: Runs, options: FitOptions, theta: number[], objective = 0, withoutRuns = false, weight?: number) {
  const opts = resolveFitOptions(options);
  const t = Float64Array.from(theta);
  const data = fitDataFromRuns(runs);
  if (weight !== undefined) data.weight.fill(weight);
  return () => checkRepresentable(opts, t, lawFromTheta(opts.spec, t).params, objective, runs.columns, withoutRuns ? undefined : data);
}

// Huge N and D: A and B overflow, and dividing one column alone does not bring both back.
const huge = (lossScale: number) => runsFromArrays({
  N: [1, 2, 4, 8].flatMap((s) => [1, 2, 4].map(() => s * 1e150)),
  D: [1, 2, 4, 8].flatMap(() => [1, 2, 4].map((t) => t * 1e150)),
  loss: [1, 2, 4, 8].flatMap(() => [1, 2, 4].map((t) => (1 + 1 / t) * lossScale)),
});
const overflowingAB = [Math.log(400) + 2.5 * 150 * Math.LN10, Math.log(400) + 2.5 * 150 * Math.LN10, Math.log(1.7), 2.5, 2.5];

/** Bootstrap of the runs with a refit that answers `answer` (default: θ₀ for every replicate, converged). */
const chinchillaBootstrap = (extra: object, answer?: BootstrapRefit) => bootstrapChinchilla({
  runs: okRuns, start: theta0, resamples: 4, seed: 1,
  refit: answer ?? (async (w, s) => ({ theta: w.map(() => s.slice()), converged: w.map(() => true) })),
  ...extra,
});

/** Runs whose columns read short once the bootstrap has read them (four reads of N): the fit then reads one run fewer. */
function shrinkingRuns(): object {
  let readsOfN = 0;
  const input: Record<string, number[]> = {};
  for (const k of ['N', 'D', 'loss'] as const) {
    Object.defineProperty(input, k, { enumerable: true, get: () => (k === 'N' && readsOfN++, readsOfN <= 4 ? ok[k] : ok[k].slice(0, 9)) });
  }
  return input;
}

// One input per key that raises it; typed so a new key without a case does not compile.
const CASES: { [K in Key]: () => unknown } & { [K in CommonKey]?: () => unknown } = {
  'missing-unique-column': () => fitSync(ok, { form: 'data-constrained', base: BASE, ...JS }),
  'free-scale-needs-huber': () => fitSync(ok, { scale: 'free', loss: 'squared', ...JS }),
  'missing-metric-column': () => fitSync(ok, { form: 'task-exp', ...JS }),
  'metric-not-positive': () => fitSync({ ...ok, error: ok.loss.map((_, i) => i / 10) }, { form: 'task-exp', loss: 'squared', ...JS }),

  'fit-param-bound': () => fitSync(ok, { lower: { a: 720 }, ...JS }),
  'fit-objective-bound': () => fitSync(ok, { loss: 'squared-raw', lower: { a: 700 }, ...JS }),
  'fit-param-starts': () => fitSync(ok, { starts: [{ a: 0, b: 1e300, e: 0, alpha: 0, beta: 0 }], ...JS }),
  'fit-objective-starts': () => fitSync(ok, { loss: 'squared-raw', starts: [{ a: 700, b: 0, e: 0, alpha: 0, beta: 0 }], ...JS }),
  // Weights are normalised when the runs are read (fit-data.ts): only the check itself sees weights this large.
  'fit-weights-too-large': represent(okRuns, {}, [6, 7, 0.5, 0.34, 0.28], Infinity, false, 1e300),
  'fit-losses-too-large': () => fitSync({ ...ok, loss: ok.loss.map((l) => l * 1e160) }, { loss: 'squared-raw', ...JS }),
  // Without the runs the check cannot tell huge losses from a law that overflows them.
  'fit-losses-overflow': represent(okRuns, { loss: 'squared-raw' }, [6, 7, 0.5, 0.34, 0.28], Infinity, true),
  // A finite θ whose objective is not: the fit kernels give this only for laws that ran off; the check is called directly.
  'fit-objective-diverged': represent(okRuns, {}, [6, 7, 0.5, 0.34, 0.28], Infinity),
  'fit-param-diverged': () => fitSync({ N: [1e3, 1e4, 1e5, 1e6, 1e7, 1e8], D: [1e3, 1e4, 1e5, 1e6, 1e7, 1e8], loss: [2, 2, 2, 2, 2, 2] }, { form: 'power', ...JS }),
  'fit-param-extreme-or-diverged': represent(okRuns, { form: 'power' }, [800, 1], 0, true),
  'fit-units-divide': () => {
    const N = Array.from({ length: 10 }, (_, i) => 1e290 * (i + 1));
    return fitSync({ N, D: Array(10).fill(1e-280), loss: N.map((_, i) => 1e20 / (i + 1)) }, { form: 'power', ...JS });
  },
  // Losses of 1e-200 rising as N^0.5: xc = 1e400 overflows; multiplying the losses by 1e200 brings it back.
  'fit-units-multiply': represent(
    runsFromArrays({ N: [1, 2, 3, 4, 5, 6], D: [1, 2, 3, 4, 5, 6], loss: [1, 2, 3, 4, 5, 6].map((n) => 1e-200 * Math.sqrt(n)) }),
    { form: 'power' }, [400 * Math.LN10, -0.5]),
  'fit-units-divide-two': represent(huge(1), {}, overflowingAB),
  'fit-units-divide-three': represent(huge(1e10), {}, overflowingAB),

  'analysis-options-not-object': () => bootstrap(ok, null as never),
  'theta-not-object': () => bootstrap(ok, { start: theta0, estimate: 5 as never, ...JS }),
  'bootstrap-theta-unknown': () => bootstrap(ok, { start: theta0, estimate: { ...theta0, q: 1 } as never, ...JS }),
  'bootstrap-theta-not-finite': () => bootstrap(ok, { start: theta0, estimate: { ...theta0, alpha: NaN }, ...JS }),
  'bootstrap-at-chinchilla-only': () => bootstrap(ok, { form: 'power', at: [{ N: 1e9, D: 1e10 }], ...JS }),
  'bootstrap-budgets-chinchilla-only': () => bootstrap(ok, { form: 'power', budgets: [1e20], ...JS }),
  // An internal check: the input is read twice, and only an input that changes between reads trips it.
  'bootstrap-runs-differ': () => bootstrap(shrinkingRuns() as never, { resamples: 1, ...JS }),
  'bootstrap-budgets-not-array': () => chinchillaBootstrap({ budgets: 5 }),
  'bootstrap-budget-bad': () => chinchillaBootstrap({ budgets: [1e20, -1] }),
  'bootstrap-at-not-array': () => chinchillaBootstrap({ at: 'x' }),
  'bootstrap-at-bad': () => chinchillaBootstrap({ at: [{ N: 1e9, D: 0 }] }),
  'bootstrap-estimate-not-law': () => chinchillaBootstrap({ estimate: { ...theta0, alpha: -1 } }),
  'bootstrap-spec-not-object': () => bootstrapLaw({ runs: okRuns, spec: null as never, start: theta0, refit: async () => ({ theta: [], converged: [] }) }),
  'bootstrap-estimate-not-finite': () => bootstrapLaw({
    runs: okRuns, spec: defaultSpec(), start: theta0, estimate: { ...theta0, a: 800 }, refit: async () => ({ theta: [], converged: [] }),
  }),
  'bootstrap-refit-not-arrays': () => chinchillaBootstrap({}, async () => undefined as never),
  'bootstrap-refit-counts': () => chinchillaBootstrap({}, async (w, s) => ({ theta: [s], converged: w.map(() => true) })),
  'bootstrap-refit-length': () => chinchillaBootstrap({}, async (w) => ({ theta: w.map(() => new Float64Array(3)), converged: w.map(() => true) })),

  'loglinear-bad-p': () => studentTQuantile(2, 3),
  'loglinear-bad-dof': () => studentTQuantile(0.9, 0),
  'loglinear-bad-level': () => envelope(okRuns, { level: 2 }),
  'loglinear-lengths': () => fitPowerLaw([1, 2, 3], [1, 2]),
  'loglinear-bad-point': () => fitPowerLaw([1, -2], [1, 2]),
  'loglinear-too-few-points': () => fitPowerLaw([3, 3], [1, 2]),
  'envelope-buckets-bad': () => envelope(okRuns, { buckets: 0 }),
  'envelope-range-bad': () => envelope(okRuns, { range: [2e20, 1e20] }),
  'envelope-too-few-points': () => envelope(runsFromArrays({ N: [1e9, 2e9], D: [2e10, 1e10], loss: [3, 2.9] })),

  'law-not-object': () => evaluateLaw(null as never, { N: 1, D: 1 }),
  'law-form-unknown': () => evaluateLaw({ form: 'nope', params: {} } as never, { N: 1, D: 1 }),
  'law-variable-bad': () => evaluateLaw({ ...powerLaw, variable: 'Q' } as never, { N: 1 }),
  'chain-loss-law-is-task': () => predictChain(TASK_LAW as never, TASK_LAW, [{ C: 1e23 }]),
  'chain-task-law-not-task': () => predictChain(chinchillaLaw, chinchillaLaw as never, [{ C: 1e23 }]),
  'chain-points-not-array': () => predictChain(chinchillaLaw, TASK_LAW, 5 as never),
  'chain-point-not-object': () => predictChain(chinchillaLaw, TASK_LAW, [null as never]),
  'chain-point-needs': () => predictChain(chinchillaLaw, TASK_LAW, [{}]),
  'chain-too-many-points': () => predictChain(chinchillaLaw, TASK_LAW, Array.from({ length: 100_001 }, () => ({ C: 1e23 }))),
  'chain-step-reads-runs': () => bootstrapChain(ok, { taskFit: { form: 'task-exp', metric: 'x' } as never, at: [{ C: 1e23 }] }),
  'law-task-variable-bad': () => evaluateLaw({ form: 'task-exp', params: { eps: 0.8, k: 2, gamma: 1 }, variable: 'N' } as never, { N: 1 }),
  'law-point-not-object': () => evaluateLaw(chinchillaLaw, null as never),
  'option-not-positive': () => evaluateLaw(chinchillaLaw, { N: -1, D: 1 }),
  'law-not-two-variable': () => lossFunction(powerLaw as never),
  'law-unique-tokens-bad': () => lossFunction({ form: 'data-constrained', params: { ...BASE, RN: 5, RD: 15 } }),
  'law-params-not-object': () => computeOptimal(null as never, 1e20),
  'option-negative': () => computeOptimal({ ...BASE, E: -1 }, 1e20),
  'law-compute-bad': () => computeOptimal(BASE, -1),
  'law-split-beyond-precision': () => computeOptimal({ A: 1e300, B: 1e-300, E: 0, alpha: 0.01, beta: 0.01 }, 1e300),
  // Planning only calls it on a bracket it found: no public function reaches this; the solver is called directly.
  'brent-no-bracket': () => brentZero(() => 1, 0, 1),
};

testSamePlaceholders(EN, ZH);
testSamePlaceholders(LAW_EN, LAW_ZH);
testSamePlaceholders(LOGLINEAR_EN, LOGLINEAR_ZH);

testEachKeyWorded(CASES);

test('messages are unchanged: the old sentences still come out, with their codes, options and columns', async () => {
  const param = await thrown(CASES['fit-param-bound']);
  assert.ok(param instanceof OptionError && param.option === 'lower.a');
  assert.equal(param.message, 'the fitted chinchilla law has A = Infinity, beyond double precision (θ a = 720): invalid lower.a 720');
  const losses = await thrown(CASES['fit-losses-too-large']);
  assert.ok(losses instanceof DataError && losses.column === 'loss' && losses.code === 'bad-value');
  assert.equal(losses.message, 'the squared-raw objective of the fitted chinchilla law is Infinity, beyond double precision: the values of column "loss" are too large for squared raw residuals; divide column "loss" by 1e160, or use a loss on log residuals (huber, squared)');
  const diverged = await thrown(CASES['fit-param-diverged']);
  assert.match(diverged.message, /^the fitted power law has xc = Infinity, beyond double precision \(θ lnXc = [\d.]+\): the fit diverged \(θ lnXc ran off to [\d.]+\), and new units would not change that: no finite power law fits column "N" of these runs as well as the limit it runs towards; hold lnXc with lower\/upper bounds, or fit another form$/);
  const multiply = await thrown(CASES['fit-units-multiply']);
  assert.ok(multiply instanceof DataError && multiply.column === 'loss');
  assert.match(multiply.message, /the runs' units are too extreme for this form; multiply column "loss" by 1e200$/);
  const two = await thrown(CASES['fit-units-divide-two']);
  assert.match(two.message, /; divide column "N" by 1e150 and divide column "D" by 1e150$/);
  assert.equal((await thrown(CASES['missing-unique-column'])).code, 'missing-column');
  assert.equal((await thrown(CASES['envelope-too-few-points'])).message,
    'envelope analysis needs frontier points at two or more compute values; got 1 point(s) from 2 rows in 50 bucket(s) over C 1.20e+20–1.20e+20');
  assert.equal((await thrown(CASES['law-not-object'])).message, 'invalid law; expected an object { form, params }: null');
  assert.equal((await thrown(CASES['bootstrap-at-not-array'])).message, 'invalid at; expected an array of { N, D }');
  assert.equal((await thrown(CASES['bootstrap-at-bad'])).message, 'invalid at[0].D; expected a positive finite number: 0');
  assert.equal((await thrown(CASES['loglinear-bad-point'])).message, 'point 2: expected positive finite x and y, got (-2, 2)');
  assert.equal((await thrown(CASES['brent-no-bracket'])).message, 'brentZero: f(0) = 1 and f(1) = 1 do not bracket a zero');
  assert.equal((await thrown(CASES['bootstrap-runs-differ'])).message, 'internal: the fit read 9 runs, the bootstrap 10');
});

test('Chinese: examples, and the parameters of a law that are not an object (a key of reading runs)', async () => {
  assert.equal(describeError(await thrown(CASES['bootstrap-at-bad']), 'zh'), 'at[0].D 无效：应为有限正数，实际为 0');
  assert.equal(describeError(await thrown(CASES['fit-units-divide-two']), 'zh').split('；')[1], '请将列 "N" 除以 1e150，并将列 "D" 除以 1e150');
  const params = await thrown(() => checkLaw({ form: 'chinchilla', params: 5 } as never));
  assert.equal(params.detail?.key, 'not-an-object');
  assert.equal(params.message, 'invalid law.params; expected an object: 5');
  assert.equal(describeError(params, 'zh'), 'law.params 无效：应为对象，实际为 5');
  assert.equal(checkLevel(0.5), 0.5);
});
