// The errors of checking options in words (src/i18n/error-words/options.ts, names.ts, checks.ts, isoflop.ts):
// each key raised through the function that raises it, carrying its detail
// (message key and values); the English rendering is the message itself, and
// the Chinese has no English sentence. The reasons isoflop rejects a budget
// are keys too: a rejected budget carries `message` and `detail` like an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EN, ZH } from '../../../src/i18n/error-words/options.js';
import { EN as NAMES_EN, ZH as NAMES_ZH } from '../../../src/i18n/error-words/names.js';
import { EN as CHECKS_EN, ZH as CHECKS_ZH } from '../../../src/i18n/error-words/checks.js';
import { EN as ISOFLOP_EN, ZH as ISOFLOP_ZH } from '../../../src/i18n/error-words/isoflop.js';
import { EN as COMMON_EN } from '../../../src/i18n/error-words/common.js';
import { describeError } from '../../../src/i18n/errors.js';
import type { ScalingKitError } from '../../../src/errors.js';
import { parametricDraws } from '../../../src/core/parametric-draws.js';
import { fit } from '../../../src/core/fit.js';
import { isoflop } from '../../../src/core/isoflop.js';
import { backtest } from '../../../src/core/backtest.js';
import { backtestChain } from '../../../src/core/chain-backtest.js';
import { bootstrap } from '../../../src/core/bootstrap-fit.js';
import { bootstrapChinchilla, type BootstrapOptions } from '../../../src/core/bootstrap.js';
import { preset, allocationAt, PRESETS } from '../../../src/core/presets.js';
import { runsFromArrays } from '../../../src/core/runs.js';
import { LIMITS } from '../../../src/core/limits.js';
import { AKIMA_UNSTABLE_BUDGET, REJECTION_BUDGETS, budget } from '../../fixtures/isoflop-rejections.js';
import { akimaSpline } from '../../../src/core/akima.js';
import { terminateWorkers } from '../../../src/engine/pool.js';
import { raised, testEachKeyWorded, testSamePlaceholders } from './error-cases.js';

/** Shared keys this area raises may have cases here too (every one has its own in error-words-common.test.ts). */
type CommonKey = keyof typeof COMMON_EN;

/** This file's keys; of the shared checks, planning's options has its case in error-words-planning.test.ts. */
type OptionsKey = keyof typeof EN | keyof typeof NAMES_EN | Exclude<keyof typeof CHECKS_EN, 'plan-options'> | keyof typeof ISOFLOP_EN;

/** Runs at one budget C on the curve loss(x), x = log10 N, at the given x (as in isoflop.test.ts). */
const runsOf = (parts: typeof REJECTION_BUDGETS) =>
  runsFromArrays({ N: parts.flatMap((p) => p.N), C: parts.flatMap((p) => p.C), loss: parts.flatMap((p) => p.loss) });

/** Six budgets: two accepted, then one rejected for each reason (too few runs, not convex, vertex outside, too few sizes). */
const parts = REJECTION_BUDGETS;
const grid = runsOf(parts);
/** The same without the second accepted budget: one accepted, one rejected for each reason. */
const mixed = runsOf(parts.filter((_, i) => i !== 1));
const oneBudget = runsOf([budget(1e19, [8, 8.5, 9, 9.5, 10], (x) => 3 + 0.1 * (x - 9) ** 2)]);
const rejectedBudget = (reason: string) => isoflop(grid).budgets.find((b) => b.reason === reason && (reason !== 'too-few-points' || b.points < 3));
/** The same with the Akima approach, and one budget more that few noise replicas keep inside ('unstable'). */
const akimaGrid = runsOf([...parts, AKIMA_UNSTABLE_BUDGET]);
const akimaRejected = (key: string) => isoflop(akimaGrid, { approach: 'akima' }).budgets.find((b) => b.detail?.key === key);
/** One budget of 400 sizes: 100,000 replicas would evaluate its spline over 10⁹ times. */
const manySizes = runsOf([parts[0], budget(1e20, Array.from({ length: 400 }, (_, i) => 8 + i / 200), (x) => 3 + 0.1 * (x - 9) ** 2)]);

/** Six runs on a Chinchilla-like law, C = 6ND. */
const six = runsFromArrays({
  N: [1e8, 2e8, 4e8, 8e8, 1.6e9, 3.2e9],
  D: [2e9, 4e9, 8e9, 1.6e10, 3.2e10, 6.4e10],
  loss: [3.4, 3.1, 2.9, 2.7, 2.55, 2.45],
});

// The bootstrap driver behind the public `bootstrap`, which builds runs and
// refit itself (so those can only be wrong here) and checks the rest the same way.
const driver = (over: Partial<BootstrapOptions>) => bootstrapChinchilla({
  runs: six, start: { a: 6, b: 7, e: 0.5, alpha: 0.3, beta: 0.3 }, resamples: 4,
  refit: async (weights) => ({ theta: weights.map(() => Float64Array.of(6, 7, 0.5, 0.3, 0.3)), converged: weights.map(() => true) }),
  ...over,
} as BootstrapOptions);

// One call per key that raises it; typed so a new key without a case does not compile.
const CASES: { [K in OptionsKey]: () => unknown } & { [K in CommonKey]?: () => unknown } = {
  'option-not-object': () => isoflop(grid, null as never),
  'option-not-one-of': () => fit(six, { strategy: 'fastest' as never }),
  'option-not-positive': () => fit(six, { delta: -1 }),
  'tie-syntax': () => fit(six, { tie: 'alpha+beta' }),
  'tie-names': () => fit(six, { tie: 'alpha=gamma' }),
  // Three replicates cannot fit a five-dimensional normal.
  'draws-covariance-singular': () => parametricDraws({ level: 0.95, samples: Object.fromEntries(['A', 'B', 'E', 'alpha', 'beta'].map((k) => [k, Float64Array.of(1, 2, 3)])) } as never, { budgets: [1e21] }),
  'option-not-positive-flops': () => allocationAt(PRESETS.flatMap((p) => (p.kind === 'allocation' ? [p.allocation] : []))[0], -1),
  'option-not-finite': () => fit(six, { starts: [{ a: 6 }] }),
  'option-not-number': () => fit(six, { lower: { a: 'x' as never } }),
  'option-negative': () => isoflop(grid, { tolerance: -0.1 }),
  'option-not-function': () => driver({ onReplicate: 5 as never }),
  'option-integer-range': () => driver({ seed: -1 }),
  'option-count-limit': () => bootstrap(six, { resamples: 0 }),
  'unknown-option-guess': () => isoflop(grid, { tolerence: 0.1 } as never),
  'unknown-option': () => isoflop(grid, { zzz: 1 } as never),
  'theta-not-object': () => driver({ start: null as never }),
  'theta-not-object-some': () => fit(six, { lower: 5 as never }),
  'theta-unknown-name': () => fit(six, { lower: { q: 1 } }),
  'lower-above-upper': () => fit(six, { lower: { a: 2 }, upper: { a: 1 } }),
  'too-many-breaks': () => fit(six, { form: 'broken', breaks: LIMITS.breaks + 1 }),
  'missing-base': () => fit(six, { form: 'data-constrained' }),
  'starts-not-array': () => fit(six, { starts: [] }),
  'too-many-starts': () => fit(six, { starts: new Array(LIMITS.starts + 1).fill({ a: 6, b: 7, e: 0.5, alpha: 0.3, beta: 0.3 }) }),
  'too-many-budgets': () => isoflop(grid, { budgets: Array.from({ length: LIMITS.budgets + 1 }, (_, i) => 1e19 * (i + 1)) }),
  'too-many-points': () => bootstrap(six, { at: new Array(LIMITS.points + 1).fill({ N: 1e9, D: 2e10 }) }),
  'runs-not-validated': () => driver({ runs: { N: [] } as never }),
  'refit-not-function': () => driver({ refit: undefined as never }),
  'level-not-in-unit': () => driver({ level: 2 }),
  'bad-min-points': () => isoflop(grid, { minPoints: 2 }),
  'bad-log-base': () => isoflop(grid, { logBase: 1 }),
  'budgets-not-array': () => isoflop(grid, { budgets: [] }),
  'listed-twice': () => isoflop(grid, { budgets: [1e19, 1e19] }),
  'isoflop-few-runs': () => rejectedBudget('too-few-points'),
  'isoflop-few-sizes': () => isoflop(grid).budgets[5],
  'isoflop-not-convex': () => rejectedBudget('not-convex'),
  'isoflop-vertex-outside': () => rejectedBudget('vertex-outside'),
  'isoflop-none-rejected': () => isoflop(oneBudget),
  'isoflop-too-few-budgets': () => isoflop(mixed),
  'isoflop-akima-only': () => isoflop(grid, { seedNoise: 0.01 }),
  'isoflop-akima-work': () => isoflop(manySizes, { approach: 'akima', replicas: LIMITS.replicas }),
  'isoflop-akima-few-sizes': () => akimaRejected('isoflop-akima-few-sizes'),
  'isoflop-akima-at-end': () => akimaRejected('isoflop-akima-at-end'),
  'isoflop-akima-unstable': () => akimaRejected('isoflop-akima-unstable'),
  'isoflop-akima-too-few-budgets': () => isoflop(runsOf([...parts.filter((_, i) => i !== 1), AKIMA_UNSTABLE_BUDGET]), { approach: 'akima' }),
  'akima-points': () => akimaSpline([1], [2]),
  'akima-not-increasing': () => akimaSpline([1, 1, 2], [2, 3, 4]),
  'backtest-not-object': () => backtest(six, null as never),
  'missing-holdout': () => backtest(six, {}),
  'both-holdouts': () => backtest(six, { holdoutAbove: 1e19, holdoutLargest: 1 }),
  'nothing-above': () => backtest(six, { holdoutAbove: 1e30 }),
  'holdout-largest-range': () => backtest(six, { holdoutLargest: 6 }),
  'backtest-drop-highest': () => backtest(six, { holdoutLargest: 1, fitOptions: { dropHighest: 1 } }),
  'too-few-training-runs': () => backtest(six, { holdoutLargest: 2 }),
  'chain-backtest-no-metric': () => backtestChain(six, { holdoutLargest: 1, taskFit: { form: 'task-exp' } }),
  'unknown-preset': () => preset('chinchila'),
};

testSamePlaceholders(EN, ZH);
testSamePlaceholders(NAMES_EN, NAMES_ZH);
testSamePlaceholders(CHECKS_EN, CHECKS_ZH);
testSamePlaceholders(ISOFLOP_EN, ISOFLOP_ZH);

// A rejected budget words itself like an error: raised, not only thrown.
testEachKeyWorded(CASES, raised);

test('messages are unchanged: the old sentences still come out', async () => {
  const message = async (key: OptionsKey | CommonKey) => (await raised(CASES[key]!)).message;
  assert.equal(await message('unknown-option-guess'), 'unknown option tolerence; did you mean tolerance?');
  assert.equal(await message('option-not-one-of'), 'invalid strategy; expected one of fast, exact: fastest');
  assert.equal(await message('option-not-finite'), 'invalid starts[0].b; expected a finite number: undefined');
  assert.equal(await message('lower-above-upper'), 'invalid lower.a: 2 is above upper.a 1');
  assert.equal(await message('missing-base'),
    'the data-constrained form needs base: the Chinchilla law { A, B, E, alpha, beta } fitted on single-epoch runs');
  assert.equal(await message('refit-not-function'), 'invalid refit; expected a function (weights, start) => Promise<{ theta, converged }>');
  assert.equal(await message('too-many-starts'), 'invalid starts; at most 100,000 starting points (a fixed limit): 100,001 given');
  assert.equal(await message('too-many-points'), 'invalid at; at most 100 points (a fixed limit): 101 given');
  assert.equal(await message('backtest-drop-highest'),
    'invalid fitOptions.dropHighest; drop outliers when reading the runs (readRuns(…, { dropHighest })), before the split');
  assert.equal(await message('too-few-training-runs'), 'too few runs to train on: 4 after holding out 2 of 6; a fit needs at least 5');
  assert.equal(await message('isoflop-few-runs'), 'budget 1.00e+21 FLOPs: 2 run(s), fewer than minPoints (3)');
  assert.equal(await message('isoflop-none-rejected'), 'isoFLOP analysis needs at least 2 accepted budgets; 1 of 1 accepted');
});

test('too few accepted budgets: the rejected ones by reason, in English and Chinese', async () => {
  const e = await raised(CASES['isoflop-too-few-budgets']);
  assert.equal(e.message, 'isoFLOP analysis needs at least 2 accepted budgets; 1 of 5 accepted (rejected budgets in FLOPs: ' +
    'fewer than minPoints (3) runs: 1.00e+21; fewer than 3 distinct model sizes: 1.00e+24; ' +
    'not convex: 1.00e+22; minimum outside the sampled sizes: 1.00e+23)');
  assert.equal(describeError(e, 'zh'), 'isoFLOP 分析至少需要 2 个被采纳的预算；5 个中采纳了 1 个（舍弃的预算，单位 FLOPs：' +
    '实验次数少于 minPoints（3）：1.00e+21；不同模型规模少于 3 种：1.00e+24；抛物线非凸：1.00e+22；最小值点在采样规模之外：1.00e+23）');
  // minPoints 6 leaves one budget of six; the rest have too few runs, and a reason no budget has reads "—".
  const few = await raised(() => isoflop(grid, { minPoints: 6 }));
  assert.match(few.message, /1 of 6 accepted \(rejected budgets in FLOPs: fewer than minPoints \(6\) runs: 1\.00e\+19, 1\.00e\+21, 1\.00e\+22, 1\.00e\+23, 1\.00e\+24; /);
  assert.match(few.message, /fewer than 3 distinct model sizes: —; not convex: —; minimum outside the sampled sizes: —\)$/);
});

test('the option an error names is unchanged', async () => {
  const option = async (key: OptionsKey | CommonKey) => ((await raised(CASES[key]!)) as { option?: string }).option;
  assert.equal(await option('theta-unknown-name'), 'lower.q');
  assert.equal(await option('listed-twice'), 'budgets[1]');
  assert.equal(await option('unknown-option'), 'zzz');
  assert.equal(await option('backtest-drop-highest'), 'fitOptions.dropHighest');
  assert.equal((await raised(CASES['too-few-training-runs']) as ScalingKitError).code, 'too-few-runs');
});

test.after(() => terminateWorkers());
