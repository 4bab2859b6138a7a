// The errors of planning, cost and the laws' own checks in words: each key is
// raised here through the public function that raises it (planning, cost,
// evaluateLaw, a law descriptor in LAWS), with its detail; src/i18n/errors.ts
// words it in English (the message itself) and Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EN, ZH } from '../../../src/i18n/error-words/planning.js';
import { EN as COST_EN, ZH as COST_ZH } from '../../../src/i18n/error-words/cost.js';
import { EN as COMMON_EN } from '../../../src/i18n/error-words/common.js';
import { describeError } from '../../../src/i18n/errors.js';
import { computeForLoss, inferenceOptimal, lossFloor, optimalAllocation } from '../../../src/core/planning.js';
import { costOfGpuHours, trainingCost } from '../../../src/core/cost.js';
import { computeMultiplier } from '../../../src/core/compare.js';
import { evaluateLaw, type Law } from '../../../src/core/forms-eval.js';
import { LAWS } from '../../../src/laws/index.js';
import { OptionError } from '../../../src/errors.js';
import { testEachKeyWorded, testSamePlaceholders, thrownSync as thrown } from './error-cases.js';

/** Shared keys this area raises may have cases here too (every one has its own in error-words-common.test.ts). */
type CommonKey = keyof typeof COMMON_EN;

/** This file's keys: planning's, cost's, and planning's options check (shared, src/i18n/error-words/checks.ts). */
type PlanningKey = keyof typeof EN | keyof typeof COST_EN | 'plan-options';

const exp = Math.exp;
// Hoffmann et al. 2022 at TeX precision (as test/node/core/planning.test.ts).
const hoffmann = { A: exp(6.0073404), B: exp(6.0179186), E: exp(0.5267228), alpha: 0.33917084, beta: 0.2849083 };
const chinchilla = (params: Partial<typeof hoffmann> = {}): Law => ({ form: 'chinchilla', params: { ...hoffmann, ...params } });
const kaplan = (params: Record<string, number> = {}): Law => ({ form: 'kaplan', params: { Nc: 6.4e13, Dc: 1.8e13, alphaN: 0.076, alphaD: 0.103, ...params } });
const muennighoff: Law = {
  form: 'data-constrained',
  params: { A: exp(6.255414), B: exp(7.3049974), E: exp(0.6254804), alpha: 0.3526596, beta: 0.3526596, RN: 5.309743, RD: 15.387756 },
};
const overtrained = (a: number): Law => ({ form: 'overtrained', params: { E: 1, a, b: 1, eta: 0.5 } });
const broken = (params: Record<string, unknown>): Law => ({ form: 'broken', variable: 'C', params: { a: 1, b: 1, c0: 0.1, breaks: [], ...params } } as never);

// One call per key that raises it; typed so a new key without a case does not compile.
const CASES: { [K in PlanningKey]: () => unknown } & { [K in CommonKey]?: () => unknown } = {
  'option-not-positive': () => evaluateLaw(kaplan({ Nc: -1 }), { N: 1e9, D: 1e10 }),
  'compare-budgets-not-array': () => computeMultiplier(chinchilla(), chinchilla(), []),
  'compare-too-many-budgets': () => computeMultiplier(chinchilla(), chinchilla(), new Array(10_001).fill(1e21)),
  'option-negative': () => inferenceOptimal(chinchilla(), { targetLoss: 2, inferenceTokens: -1 }),
  'option-not-finite': () => evaluateLaw(broken({ a: Number.NaN }), { C: 1e20 }),
  'law-breaks': () => evaluateLaw(broken({ breaks: 3 }), { C: 1e20 }),
  'law-unique-tokens': () => LAWS['data-constrained'].planning!.floor(muennighoff as never, undefined),
  'law-c-too-small': () => optimalAllocation(overtrained(1), 1),
  // The optimum M = (b/a)^(1/(2η)) = 1e30 lies far beyond the search at 1e20 FLOPs.
  'law-no-optimal-m': () => optimalAllocation(overtrained(1e-30), 1e20),
  'plan-options': () => optimalAllocation(chinchilla(), 1e22, null as never),
  'plan-not-two-variable': () => optimalAllocation({ form: 'power', variable: 'C', params: { xc: 1, alpha: 0.1 } }, 1e22),
  'plan-method': () => optimalAllocation(chinchilla(), 1e22, { method: 'fast' as never }),
  'option-not-positive-flops': () => optimalAllocation(chinchilla(), -1),
  'plan-positive-loss': () => computeForLoss(chinchilla(), 0),
  'plan-edge-tokens': () => optimalAllocation(chinchilla({ A: 1e-30 }), 1e22, { method: 'numeric' }),
  'plan-edge-parameters': () => optimalAllocation(chinchilla({ B: 1e-30 }), 1e22, { method: 'numeric' }),
  'plan-below-floor-u': () => computeForLoss(muennighoff, 1.9, { U: 25e9 }),
  'plan-below-e': () => computeForLoss(chinchilla(), hoffmann.E),
  'plan-target-above': () => computeForLoss(chinchilla(), 1e3, { method: 'numeric' }),
  'plan-beyond-compute': () => computeForLoss(chinchilla(), hoffmann.E + 1e-9, { method: 'numeric' }),
  // 406/(1e40)^0.339 ≈ 1e-11 above E: no model under 1e40 parameters gets within 1e-13 of it.
  'plan-beyond-size': () => inferenceOptimal(chinchilla(), { targetLoss: hoffmann.E + 1e-13, inferenceTokens: 1, method: 'numeric' }),
  'plan-no-inference-optimum': () => inferenceOptimal(chinchilla(), { targetLoss: 2, inferenceTokens: 1e200 }),
  'cost-hardware-id': () => trainingCost(1e22, { hardware: 'tpu' as never }),
  'cost-hardware': () => trainingCost(1e22, { hardware: 7 as never }),
  'cost-peak-flops': () => trainingCost(1e22, { hardware: { id: 'x', name: 'x', peakFlops: 0, watts: 1, source: '' } }),
  'cost-watts': () => trainingCost(1e22, { hardware: { id: 'x', name: 'x', peakFlops: 1e15, watts: -1, source: '' } }),
  'cost-mfu': () => trainingCost(1e22, { mfu: 1.2 }),
  'cost-gpus': () => trainingCost(1e22, { gpus: 1.5 }),
  'cost-price': () => trainingCost(1e22, { pricePerGpuHour: -1 }),
  'cost-pue': () => costOfGpuHours(10, { pue: 0.9 }),
  'cost-grid': () => costOfGpuHours(10, { gridIntensity: Number.NaN }),
  'cost-mfu-too-small': () => trainingCost(1e308, { mfu: 1e-300 }),
};

// A brace that is not a placeholder would be read as one (src/errors.ts `Names`): shapes go in values.
testSamePlaceholders(EN, ZH, { onlyPlaceholderBraces: true });
testSamePlaceholders(COST_EN, COST_ZH, { onlyPlaceholderBraces: true });

// Thrown there and then, and every one an OptionError.
testEachKeyWorded(CASES, thrown, { also: (e) => assert.ok(e instanceof OptionError, 'an OptionError') });

test('messages are unchanged: the old sentences still come out', () => {
  const message = (key: PlanningKey | CommonKey) => thrown(CASES[key]!).message;
  assert.equal(message('option-not-positive'), 'invalid law.params.Nc; expected a positive finite number: -1');
  assert.equal(message('law-breaks'), 'invalid law.params.breaks; expected an array of { c, d, f }: 3');
  assert.equal(message('law-unique-tokens'), 'invalid U; expected a positive finite number of unique tokens for the data-constrained form: undefined');
  assert.equal(message('plan-options'), 'invalid options; expected an object: null');
  assert.equal(message('plan-not-two-variable'), 'invalid law.form; planning needs a law of N and D (chinchilla, kaplan, data-constrained, overtrained): power');
  assert.equal(message('plan-edge-tokens'), 'the law has no compute-optimal allocation at C = 1e+22: along C = 6·N·D the loss keeps falling towards N = 1 (all compute to tokens)');
  assert.equal(message('plan-below-e'), `unreachable targetLoss ${hoffmann.E}: at or below the irreducible loss E (${hoffmann.E}); no finite compute reaches it`);
  assert.match(message('plan-below-floor-u'), /^unreachable targetLoss 1\.9: at or below the loss floor with U = 25000000000 unique tokens \([\d.]+\); no finite compute reaches it$/);
  assert.equal(message('cost-hardware-id'), 'invalid hardware; expected one of a100-sxm, h100-sxm or { peakFlops, watts }: tpu');
  assert.equal(message('cost-hardware'), 'invalid hardware; expected a hardware id or { peakFlops, watts }: 7');
  assert.equal(message('cost-mfu'), 'invalid mfu; not in (0, 1]: 1.2');
  assert.equal(message('cost-mfu-too-small'), 'invalid mfu; too small for C = 1e+308 FLOPs (the GPU-hours exceed double precision): 1e-300');
  assert.equal(message('law-no-optimal-m'), 'the law has no compute-optimal M inside 1 ≤ N, D at C = 100000000000000000000');
  assert.equal(thrown(() => trainingCost(1e22, null as never)).message, 'invalid options; expected an object: null');
  assert.equal(thrown(() => lossFloor(chinchilla(), { flopsPerToken: 0 })).message, 'invalid flopsPerToken; expected a positive finite number: 0');
});

test('Chinese: an example, with option names and code kept as written', () => {
  assert.equal(describeError(thrown(CASES['law-breaks']), 'zh'), 'law.params.breaks 无效：应为由 { c, d, f } 组成的数组，实际为 3');
  assert.equal(describeError(thrown(CASES['cost-mfu']), 'zh'), 'mfu 无效：不在 (0, 1] 内，实际为 1.2');
});
