// The errors of reading runs in words:
// every one carries a detail (message key and values) built from the core's
// English template (src/core/read-errors.ts); src/i18n/errors.ts words each key
// in English (the same templates) and Chinese, and describeError renders it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EN as READ_ERROR_TEXT, ZH as READ_ERROR_ZH } from '../../../src/i18n/error-words/read.js';
import { EN as COMMON_EN } from '../../../src/i18n/error-words/common.js';
import { describeError } from '../../../src/i18n/errors.js';
import { ERRORS } from '../../../src/i18n/error-words/index.js';
import { readRuns, runsFromArrays } from '../../../src/core/runs.js';
import { matchColumns } from '../../../src/core/columns.js';
import { parseColumnSpec } from '../../../src/core/column-spec.js';
import { ScalingKitError } from '../../../src/errors.js';
import { testEachKeyWorded, testSamePlaceholders, thrownSync as thrown } from './error-cases.js';

/** Shared keys reading raises may have cases here too (every one has its own in error-words-common.test.ts). */
type CommonKey = keyof typeof COMMON_EN;

// Both ways, at compile time: a core key without words, or words for no key, does not type-check.
type ReadErrorKey = keyof typeof READ_ERROR_TEXT;
const _readWorded: Record<ReadErrorKey, string> = ERRORS.en;
void _readWorded;

const csv = (...lines: string[]) => lines.join('\n');

// One input per key that raises it; typed so a new key without a case does not compile.
const CASES: { [K in ReadErrorKey]: () => unknown } & { [K in CommonKey]?: () => unknown } = {
  'not-an-object': () => readRuns('N,D,loss\n1,2,3', null as never),
  'bad-limit': () => readRuns('N,D,loss\n1,2,3', { maxRows: 0.5 }),
  'bad-integer': () => readRuns('N,D,loss\n1,2,3', { dropHighest: -1 }),
  'missing-n-column': () => readRuns(csv('D,loss', '1,2')),
  'missing-d-column': () => readRuns(csv('N,loss', '1,2')),
  'missing-loss-column': () => readRuns(csv('N,D', '1,2')),
  'column-length': () => readRuns({ N: [1, 2], D: [1], loss: [1, 2] }),
  // Rows given as objects are named by row; delimited text by its line (what an editor shows).
  'bad-value': () => readRuns([{ N: 1, D: 2, loss: 'abc' }]),
  'bad-weight': () => readRuns([{ N: 1, D: 2, loss: 3, w: -1 }], { weights: 'w' }),
  'bad-metric': () => readRuns([{ N: 1, D: 2, loss: 3, accuracy: -0.1 }]),
  'beyond-precision': () => readRuns([{ N: 1e300, D: 1e300, loss: 3 }]),
  'bad-value-line': () => readRuns(csv('N,D,loss', '1,2,abc')),
  'bad-weight-line': () => readRuns(csv('N,D,loss,w', '1,2,3,-1'), { weights: 'w' }),
  'bad-metric-line': () => readRuns(csv('N,D,loss,accuracy', '1,2,3,-0.1')),
  'beyond-precision-line': () => readRuns(csv('N,D,loss', '1e300,1e300,3')),
  'too-few-runs': () => readRuns(csv('N,D,loss', '1,2,3'), { minRuns: 2 }),
  'too-few-runs-dropped': () => readRuns(csv('N,D,loss', '1,2,3', '2,3,4'), { dropHighest: 1, minRuns: 2 }),
  'not-a-column-name': () => readRuns(csv('N,D,loss', '1,2,3'), { weights: 7 as never }),
  'option-no-column': () => readRuns(csv('N,D,loss', '1,2,3'), { weights: 'nope' }),
  'mapping-no-column': () => matchColumns(['N', 'D', 'loss'], { loss: 'nope' }),
  'mapping-unknown-key': () => matchColumns(['N', 'D', 'loss'], { Q: 'N' } as never),
  'mapping-taken': () => matchColumns(['N', 'D', 'loss'], { N: 'N', D: 'N' }),
  'empty-no-rows': () => readRuns('N,D,loss\n'),
  'empty-array': () => readRuns([]),
  'empty-columns': () => readRuns({ N: [], D: [], loss: [] }),
  'empty-text': () => readRuns('   '),
  'too-many-rows': () => readRuns(csv('N,D,loss', '1,2,3', '1,2,3'), { maxRows: 1 }),
  'too-many-bytes': () => readRuns(csv('N,D,loss', '1,2,3'), { maxBytes: 5 }),
  'unclosed-quote': () => readRuns(csv('N,D,loss', '1,2,"3', '4,5,6')),
  'row-not-object': () => readRuns([{ N: 1, D: 2, loss: 3 }, 5]),
  'no-array-key': () => readRuns({ N: 1 }),
  'invalid-json': () => readRuns('{"N": [1,'),
  'bad-input': () => readRuns(42 as never),
  'column-spec-empty': () => parseColumnSpec(' '),
  'column-spec-too-long': () => parseColumnSpec(`loss=${'x'.repeat(5000)}`),
  'column-spec-json': () => parseColumnSpec('{"loss": '),
  'column-spec-pair': () => parseColumnSpec('loss'),
  'column-spec-unknown': () => parseColumnSpec('Q=a'),
  'column-spec-no-name': () => parseColumnSpec('loss='),
  'column-spec-twice': () => parseColumnSpec('loss=a,loss=b'),
};

testSamePlaceholders(READ_ERROR_TEXT, READ_ERROR_ZH);

// Thrown there and then; invalid JSON's detail is the JSON parser's own text.
testEachKeyWorded(CASES, thrown, { foreignValue: ['invalid-json', 'column-spec-json'] });

test('messages are unchanged: the old sentences still come out', () => {
  assert.equal(thrown(CASES['missing-loss-column']).message,
    'no loss column (names such as "loss", "L", "final loss", "val loss", "validation loss", or set the columns option); columns found: "N", "D"');
  assert.equal(thrown(CASES['bad-value']).message, 'row 1, column "loss": expected a positive finite number, got "abc"');
  assert.equal(thrown(CASES['bad-value-line']).message, 'line 2, column "loss": expected a positive finite number, got "abc"');
  assert.equal(thrown(CASES['too-few-runs-dropped']).message, 'too few runs: 1 after dropHighest: 1 left 1 of 2; at least 2 needed (minRuns)');
  assert.equal(thrown(CASES['too-many-rows']).message, 'too many rows: more than 1, the limit; raise it with the maxRows option');
  assert.equal(thrown(CASES['too-many-bytes']).message, 'input too large: over 5 bytes, the limit; raise it with the maxBytes option');
  assert.equal(thrown(() => runsFromArrays({ N: [1], loss: [1] })).detail?.key, 'missing-d-column');
});

test('Chinese: the example, English words in values, wrapping user text', () => {
  const e = thrown(CASES['missing-loss-column']);
  assert.equal(describeError(e, 'zh'), '没有损失（loss）列（列名如 "loss", "L", "final loss", "val loss", "validation loss"，或设置 columns 选项）；找到的列："N", "D"');
  assert.equal(describeError(thrown(CASES['bad-value']), 'zh'), '第 1 行，列 "loss"：应为有限正数，实际为 "abc"');
  assert.match(describeError(thrown(() => readRuns({ N: [1], D: [1], loss: [undefined] })), 'zh'), /实际为 空值$/);
  assert.match(describeError(thrown(CASES['too-many-bytes']), 'zh'), /5 字节/);
  const wrapped = describeError(thrown(CASES['bad-value']), 'zh', { wrap: (s) => `<${s}>` });
  assert.equal(wrapped, '第 1 行，列 <"loss">：应为有限正数，实际为 <"abc">');
});

test('errors without a known detail: their own message, wrapped whole', () => {
  assert.equal(describeError(new Error('boom'), 'zh'), 'boom');
  assert.equal(describeError('plain', 'zh', { wrap: (s) => `[${s}]` }), '[plain]');
  assert.equal(describeError(new ScalingKitError('engine', 'x', { key: 'unknown-key', values: {} }), 'zh'), 'x');
});
