// Unknown option names (issue 11, step 6): every public function that takes an
// options object refuses a name it does not know, with an OptionError naming
// it and, for a likely typo, the option meant ("unknown option stratgy; did you
// mean strategy?"), instead of silently running the default. Correct calls
// still work, and the library's own calls pass only names the callee knows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OptionError } from '../../../src/errors.js';
import { checkOptionNames, closestName } from '../../../src/core/option-names.js';
import { fit, fitSync } from '../../../src/core/fit.js';
import { FIT_OPTION_NAMES, resolveFitOptions } from '../../../src/core/fit-options.js';
import { readRuns, runsFromArrays, READ_RUNS_OPTION_NAMES } from '../../../src/core/runs.js';
import { isoflop, ISOFLOP_OPTION_NAMES } from '../../../src/core/isoflop.js';
import { envelope, ENVELOPE_OPTION_NAMES } from '../../../src/core/envelope.js';
import { backtest, BACKTEST_OPTION_NAMES } from '../../../src/core/backtest.js';
import { computeForLoss, inferenceOptimal, lossFloor, optimalAllocation, INFERENCE_OPTION_NAMES, PLAN_OPTION_NAMES } from '../../../src/core/planning.js';
import { costOfGpuHours, trainingCost, COST_OPTION_NAMES } from '../../../src/core/cost.js';
import { generateRuns, SYNTHETIC_OPTION_NAMES } from '../../../src/data/synthetic.js';
import { demoRuns } from '../../../src/data/demo.js';
import { fitM4, M4_OPTION_NAMES } from '../../../src/core/m4-fit.js';
import { extrapolationScore, EXTRAPOLATION_OPTION_NAMES } from '../../../src/core/extrapolation-score.js';
import { readCurve, READ_CURVE_OPTION_NAMES } from '../../../src/core/curve-input.js';

/** An OptionError naming `option`, whose message names it and suggests `meant`. */
function typo(option: string, meant: string | undefined): (e: unknown) => boolean {
  return (e: unknown) => {
    assert.ok(e instanceof OptionError, `expected an OptionError, got ${String(e)}`);
    assert.equal(e.option, option);
    assert.equal(e.code, 'bad-option');
    if (meant) assert.equal(e.message, `unknown option ${option}; did you mean ${meant}?`);
    else assert.match(e.message, new RegExp(`^unknown option ${option.replace('.', '\\.')}; known options: `));
    return true;
  };
}

const runs = demoRuns();
const csv = 'N,D,loss\n1e8,2e9,3.1\n2e8,4e9,2.9\n4e8,8e9,2.7\n';
const law = { form: 'chinchilla' as const, params: { A: 406.4, B: 410.7, E: 1.69, alpha: 0.34, beta: 0.28 } };
const JS = { engine: 'js', workers: 0 } as const;

test('closestName: a likely typo finds the name meant; anything else finds nothing', () => {
  const fitNames = [...FIT_OPTION_NAMES];
  assert.equal(closestName('stratgy', fitNames), 'strategy'); // a letter left out
  assert.equal(closestName('stratgey', fitNames), 'strategy'); // two letters swapped
  assert.equal(closestName('strategyy', fitNames), 'strategy'); // one too many
  assert.equal(closestName('STRATEGY', fitNames), 'strategy'); // case
  assert.equal(closestName('maxIteration', fitNames), 'maxIterations');
  assert.equal(closestName('drop_highest', fitNames), 'dropHighest'); // '_' for nothing, h for H
  assert.equal(closestName('u', ['flopsPerToken', 'U', 'method']), 'U');
  assert.equal(closestName('strategy', fitNames), 'strategy'); // a known name is its own closest
  assert.equal(closestName('banana', fitNames), undefined);
  assert.equal(closestName('lr', ['level']), undefined); // short names allow one edit at most
  assert.equal(closestName('x', []), undefined);
  assert.equal(closestName('s'.repeat(10_000), fitNames), undefined); // long input is cut, not slow
});

test('checkOptionNames: known names pass; the first unknown one throws, within a named option when given', () => {
  assert.doesNotThrow(() => checkOptionNames({}, ['a']));
  assert.doesNotThrow(() => checkOptionNames({ strategy: 'fast', form: undefined }, FIT_OPTION_NAMES));
  assert.throws(() => checkOptionNames({ strategy: 'fast', stratgy: 'exact' }, FIT_OPTION_NAMES), typo('stratgy', 'strategy'));
  assert.throws(() => checkOptionNames({ los: 'squared' }, FIT_OPTION_NAMES, 'fitOptions'), typo('fitOptions.los', 'fitOptions.loss'));
  assert.throws(() => checkOptionNames({ banana: 1 }, ['a', 'b']), (e: unknown) => e instanceof OptionError && e.message === 'unknown option banana; known options: a, b');
  // Inherited keys are not options the caller wrote; own keys (even undefined ones) are.
  assert.doesNotThrow(() => checkOptionNames(Object.create({ stratgy: 1 }), FIT_OPTION_NAMES));
  assert.throws(() => checkOptionNames({ stratgy: undefined }, FIT_OPTION_NAMES), typo('stratgy', 'strategy'));
});

test('fit options: resolveFitOptions, fitSync and fit refuse unknown names; FIT_OPTION_NAMES lists every option', async () => {
  assert.throws(() => resolveFitOptions({ stratgy: 'exact' } as never), typo('stratgy', 'strategy'));
  assert.throws(() => fitSync(runs, { stratgy: 'exact', ...JS } as never), typo('stratgy', 'strategy'));
  assert.throws(() => fitSync(runs, { ...JS, maxIteration: 5 } as never), typo('maxIteration', 'maxIterations'));
  assert.throws(() => fitSync(runs, { ...JS, banana: 5 } as never), typo('banana', undefined));
  await assert.rejects(fit(runs, { engin: 'js', workers: 0 } as never), typo('engin', 'engine'));
  assert.equal(new Set(FIT_OPTION_NAMES).size, FIT_OPTION_NAMES.length);
  // Every listed name is accepted (undefined: the default).
  assert.doesNotThrow(() => resolveFitOptions(Object.fromEntries(FIT_OPTION_NAMES.map((k) => [k, undefined]))));
  // Correct calls, reading options included (fit hands them on to readRuns), still fit.
  const r = fitSync(csv.replace('loss', 'val loss') + '8e8,1.6e10,2.6\n1.6e9,3.2e10,2.5\n', { ...JS, strategy: 'fast', dropHighest: 0, columns: { loss: 'val loss' } });
  assert.equal(r.runs, 5);
  assert.equal((await fit(runs, { ...JS, loss: 'squared' })).runs, runs.N.length);
});

test('readRuns and runsFromArrays refuse unknown names; runsFromArrays refuses columns (it names its own)', () => {
  assert.throws(() => readRuns(csv, { dropHighst: 1 } as never), typo('dropHighst', 'dropHighest'));
  assert.throws(() => readRuns(csv, { colums: { N: 'N' } } as never), typo('colums', 'columns'));
  const arrays = { N: [1e8, 2e8], D: [2e9, 4e9], loss: [3.1, 2.9] };
  assert.throws(() => runsFromArrays(arrays, { minRun: 2 } as never), typo('minRun', 'minRuns'));
  assert.throws(() => runsFromArrays(arrays, { columns: { N: 'N' } } as never), typo('columns', undefined));
  assert.throws(() => readRuns(csv, null as never), (e: unknown) => e instanceof OptionError && e.option === 'options');
  assert.deepEqual([...READ_RUNS_OPTION_NAMES], ['columns', 'dropHighest', 'minRuns', 'weights', 'unique', 'metric', 'maxRows', 'maxBytes']);
  assert.equal(readRuns(csv, { dropHighest: 1, minRuns: 1, columns: { N: 'N' } }).N.length, 2);
  assert.equal(runsFromArrays(arrays, { minRuns: 2, dropHighest: 0 }).N.length, 2);
});

test('isoflop and envelope refuse unknown names', () => {
  assert.throws(() => isoflop(runs, { tolerence: 0.1 } as never), typo('tolerence', 'tolerance'));
  assert.throws(() => isoflop(runs, { minPoint: 3 } as never), typo('minPoint', 'minPoints'));
  assert.throws(() => envelope(runs, { bucket: 10 } as never), typo('bucket', 'buckets'));
  assert.throws(() => envelope(runs, { levels: 0.9 } as never), typo('levels', 'level'));
  assert.equal(isoflop(runs, { tolerance: 0.1, minPoints: 3, level: 0.9 }).accepted, 9);
  assert.ok(envelope(runs, { buckets: 10, level: 0.9 }).frontier.length >= 2);
  assert.ok(ISOFLOP_OPTION_NAMES.includes('budgets') && ENVELOPE_OPTION_NAMES.includes('range'));
});

test('backtest refuses unknown names, its own and those in fitOptions, before fitting', async () => {
  await assert.rejects(backtest(runs, { holdoutAbov: 1e21 } as never), typo('holdoutAbov', 'holdoutAbove'));
  await assert.rejects(backtest(runs, { holdoutLargest: 9, fitOption: {} } as never), typo('fitOption', 'fitOptions'));
  await assert.rejects(backtest(runs, { holdoutLargest: 9, fitOptions: { los: 'squared' } } as never), typo('fitOptions.los', 'fitOptions.loss'));
  assert.deepEqual([...BACKTEST_OPTION_NAMES], ['holdoutAbove', 'holdoutLargest', 'fitOptions']);
  const r = await backtest(runs, { holdoutLargest: 9, fitOptions: { ...JS, loss: 'squared', strategy: 'fast' } });
  assert.equal(r.predictions.length, 9);
});

test('planning refuses unknown names: optimalAllocation, computeForLoss, lossFloor, inferenceOptimal', () => {
  assert.throws(() => optimalAllocation(law, 1e23, { flopsPerTokn: 6 } as never), typo('flopsPerTokn', 'flopsPerToken'));
  assert.throws(() => computeForLoss(law, 2.2, { methd: 'numeric' } as never), typo('methd', 'method'));
  assert.throws(() => lossFloor(law, { u: 1e12 } as never), typo('u', 'U'));
  assert.throws(() => inferenceOptimal(law, { targetLoss: 2.2, inferenceTokens: 1e12, inferenceFlopPerToken: 2 } as never), typo('inferenceFlopPerToken', 'inferenceFlopsPerToken'));
  // The inference options are not planning options.
  assert.throws(() => optimalAllocation(law, 1e23, { targetLoss: 2.2 } as never), typo('targetLoss', undefined));
  assert.ok(optimalAllocation(law, 1e23, { flopsPerToken: 6, method: 'numeric', U: undefined }).N > 0);
  assert.ok(computeForLoss(law, 2.2, { method: 'auto' }).C > 0);
  assert.equal(lossFloor(law, {}), 1.69);
  assert.ok(inferenceOptimal(law, { targetLoss: 2.2, inferenceTokens: 1e12, inferenceFlopsPerToken: 2, flopsPerToken: 6 }).N > 0);
  assert.deepEqual([...INFERENCE_OPTION_NAMES].slice(0, PLAN_OPTION_NAMES.length), [...PLAN_OPTION_NAMES]);
});

test('cost refuses unknown names: trainingCost, costOfGpuHours', () => {
  assert.throws(() => trainingCost(1e24, { gpu: 8 } as never), typo('gpu', 'gpus'));
  assert.throws(() => costOfGpuHours(1000, { priceperGpuHour: 2 } as never), typo('priceperGpuHour', 'pricePerGpuHour'));
  assert.throws(() => trainingCost(1e24, { hardwear: 'a100-sxm' } as never), typo('hardwear', 'hardware'));
  assert.equal(trainingCost(1e24, { gpus: 8, mfu: 0.5, hardware: 'a100-sxm', pue: 1.1, gridIntensity: 0.3, pricePerGpuHour: 1 }).gpus, 8);
  assert.equal(costOfGpuHours(1000, {}).gpuHours, 1000);
  assert.equal(COST_OPTION_NAMES.length, 6);
});

test('generateRuns refuses unknown names', () => {
  assert.throws(() => generateRuns({ sigm: 0 } as never), typo('sigm', 'sigma'));
  assert.throws(() => generateRuns({ sizesPerBudgets: 3 } as never), typo('sizesPerBudgets', 'sizesPerBudget'));
  assert.throws(() => generateRuns(null as never), (e: unknown) => e instanceof OptionError && e.option === 'options');
  assert.equal(generateRuns({ sizesPerBudget: 3, sigma: 0, seed: 1, span: 1, offset: 0, budgets: [1e20], law: undefined }).N.length, 3);
  assert.equal(SYNTHETIC_OPTION_NAMES.length, 7);
});

test('the M4 fit, extrapolation scoring and readCurve refuse unknown names', () => {
  const x = [1e6, 2e6, 4e6, 8e6, 1.6e7, 3.2e7, 6.4e7], loss = [0.9, 0.75, 0.63, 0.55, 0.49, 0.46, 0.44];
  assert.throws(() => fitM4(x, loss, { eps_0: 1 } as never), typo('eps_0', 'eps0'));
  assert.throws(() => fitM4(x, loss, { maxIteration: 10 } as never), typo('maxIteration', 'maxIterations'));
  assert.throws(() => extrapolationScore(x, loss, { holdOut: 1 } as never), typo('holdOut', 'holdout'));
  assert.throws(() => extrapolationScore(x, loss, { holdout: 1, engin: 'js' } as never), typo('engin', 'engine'));
  assert.throws(() => readCurve('D,loss\n1,3\n2,2\n3,1\n', { varible: 'D' } as never), typo('varible', 'variable'));
  assert.deepEqual([...M4_OPTION_NAMES], ['eps0', 'search', 'maxIterations']);
  assert.deepEqual([...EXTRAPOLATION_OPTION_NAMES], ['holdout', 'variable', 'engine', 'eps0', 'search', 'maxIterations']);
  assert.deepEqual([...READ_CURVE_OPTION_NAMES], ['variable', 'columns', 'maxRows', 'maxBytes']);
  // Every listed name is accepted.
  assert.ok(fitM4(x, loss, { eps0: 1, search: 'global', maxIterations: 100 }).converged);
  assert.equal(extrapolationScore(x, loss, { holdout: 1, variable: 'D', engine: 'js', search: 'paper', maxIterations: 100 }).heldOut.length, 1);
  assert.equal(readCurve('D,loss\n1,3\n2,2\n3,1\n', { variable: 'D', columns: { loss: 'loss' }, maxRows: 10, maxBytes: 1000 }).x.length, 3);
});
