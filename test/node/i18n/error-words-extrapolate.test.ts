// The errors of the M4 estimator and extrapolation scoring in words: each key
// is raised here through the public function that raises it (fitM4,
// predictM4, extrapolationScore, readCurve), with its detail;
// src/i18n/errors.ts words it in English (the message itself) and Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EN, ZH } from '../../../src/i18n/error-words/extrapolate.js';
import { EN as COMMON_EN } from '../../../src/i18n/error-words/common.js';
import { describeError } from '../../../src/i18n/errors.js';
import { fitM4 } from '../../../src/core/m4-fit.js';
import { predictM4 } from '../../../src/core/m4-predict.js';
import { extrapolationScore } from '../../../src/core/extrapolation-score.js';
import { readCurve } from '../../../src/core/curve-input.js';
import { DataError, OptionError } from '../../../src/errors.js';
import { testEachKeyWorded, testSamePlaceholders, thrownSync as thrown } from './error-cases.js';

type CommonKey = keyof typeof COMMON_EN;
type ExtrapolateKey = keyof typeof EN;

// A short learning curve, loss falling towards a floor.
const x = [1e6, 2e6, 4e6, 8e6, 1.6e7, 3.2e7, 6.4e7];
const loss = [0.9, 0.75, 0.63, 0.55, 0.49, 0.46, 0.44];
const law = { beta: 40, c: -0.3, alpha: 0.5, epsInf: 0.2, eps0: 1.7 };

// One call per key that raises it; typed so a new key without a case does not compile.
const CASES: { [K in ExtrapolateKey]: () => unknown } & { [K in CommonKey]?: () => unknown } = {
  'not-an-object': () => fitM4(x, loss, null as never),
  'curve-not-array': () => fitM4(x, 'losses' as never),
  'curve-lengths': () => fitM4(x, loss.slice(1)),
  'curve-bad-x': () => fitM4([...x.slice(0, 6), -1], loss),
  'curve-bad-loss': () => fitM4(x, [...loss.slice(0, 6), Number.POSITIVE_INFINITY]),
  'curve-few-distinct-x': () => fitM4([1, 1, 1, 2, 2, 2, 2], loss),
  'curve-too-many-points': () => fitM4(new Float64Array(100_001).fill(1), loss),
  'curve-missing-x': () => readCurve('examples,loss\n1,3\n2,2\n3,1\n'),
  'm4-too-few-points': () => fitM4(x.slice(0, 5), loss.slice(0, 5)),
  'm4-loss-not-below-eps0': () => fitM4(x, loss, { eps0: 0.8 }),
  'm4-law-bad': () => predictM4({ ...law, alpha: -1 }, 10),
  'extrapolate-missing-holdout': () => extrapolationScore(x, loss, {}),
  'extrapolate-holdout-range': () => extrapolationScore(x, loss, { holdout: 2 }),
};

testSamePlaceholders(EN, ZH, { onlyPlaceholderBraces: true });

testEachKeyWorded(CASES, thrown, { also: (e) => assert.ok(e instanceof DataError || e instanceof OptionError, 'a DataError or an OptionError') });

test('the messages, in English', () => {
  const message = (key: ExtrapolateKey | CommonKey) => thrown(CASES[key]!).message;
  assert.equal(message('curve-lengths'), 'x has 7 values but loss has 6; give one loss per x');
  assert.equal(message('curve-bad-x'), 'point 7: expected a positive finite x, got -1');
  assert.equal(message('curve-bad-loss'), 'point 7: expected a positive finite loss, got Infinity');
  assert.equal(message('curve-too-many-points'), 'too many points: 100,001; a learning curve has at most 100,000 (a fixed limit)');
  assert.equal(message('m4-too-few-points'), 'M4 has 5 free parameters here, so it needs at least 6 points; got 5');
  assert.equal(message('m4-loss-not-below-eps0'), 'point 1: loss 0.9 is not below eps0 0.8; M4 needs every loss below the random-guess loss');
  assert.equal(message('m4-law-bad'), 'invalid law; expected finite beta > 0 (or lnBeta), c ≤ 0, alpha ≥ 0, epsInf ≥ 0 and eps0 above epsInf: beta=40, c=-0.3, alpha=-1, epsInf=0.2, eps0=1.7');
  assert.equal(message('extrapolate-holdout-range'), 'invalid holdout; expected an integer from 1 to 1, which leaves the 6 points M4 needs to fit (7 points in all): 2');
  assert.equal(message('curve-missing-x'), 'no D column for x (names such as "D", "tokens", "training tokens", "train tokens", or name it with the columns option); columns found: "examples", "loss"');
});

test('Chinese: an example, with option names and values kept as written', () => {
  assert.equal(describeError(thrown(CASES['m4-loss-not-below-eps0']), 'zh'), '第 1 个点：损失 0.9 不低于 eps0（0.8）；M4 要求每个损失都低于随机猜测的损失');
  assert.equal(describeError(thrown(CASES['curve-few-distinct-x']), 'zh'), '学习曲线至少需要 3 个不同的 x 值，实际为 2 个');
});
