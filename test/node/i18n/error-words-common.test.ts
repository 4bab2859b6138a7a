// The errors every area raises (src/i18n/error-words/common.ts), each through
// a public function, with its detail; English is the message, Chinese its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EN, ZH } from '../../../src/i18n/error-words/common.js';
import { AREAS } from '../../../src/i18n/error-words/index.js';
import { readRuns } from '../../../src/core/runs.js';
import { fitSync } from '../../../src/core/fit.js';
import { isoflop } from '../../../src/core/isoflop.js';
import { optimalAllocation } from '../../../src/core/planning.js';
import { createResampler } from '../../../src/stats/resample.js';
import { percentileInterval } from '../../../src/stats/intervals.js';
import { bootstrap } from '../../../src/core/bootstrap-fit.js';
import { testEachKeyWorded, testSamePlaceholders } from './error-cases.js';

const csv = 'N,D,loss\n1e8,2e9,3.1\n2e8,4e9,3.0\n4e8,8e9,2.9\n8e8,1.6e10,2.8\n1.6e9,3.2e10,2.7\n3.2e9,6.4e10,2.6\n';
const law = { form: 'chinchilla' as const, params: { A: 400, B: 400, E: 1.7, alpha: 0.34, beta: 0.28 } };

// One call per key; typed so a new shared key without a case does not compile.
const CASES: { [K in keyof typeof EN]: () => unknown } = {
  'not-an-object': () => readRuns(csv, null as never),
  'bad-integer': () => readRuns(csv, { dropHighest: -1 }),
  'option-not-positive': () => fitSync(readRuns(csv), { delta: -1, engine: 'js' }),
  'option-not-positive-flops': () => optimalAllocation(law, -1),
  'option-not-finite': () => fitSync(readRuns(csv), { starts: [{ a: 6 }], engine: 'js' }),
  'option-negative': () => isoflop(readRuns(csv), { tolerance: -0.1 }),
  'option-integer-range': () => createResampler('numpy', 42, 0),
  'theta-not-object': () => bootstrap(readRuns(csv), { start: 5 as never, resamples: 2, engine: 'js', workers: 0 }),
  'level-not-in-unit': () => percentileInterval([1, 2], 1),
};

testSamePlaceholders(EN, ZH);

testEachKeyWorded(CASES);

test('no key is defined in two tables, and no two keys say the same English', () => {
  const seen = new Map<string, string>(), texts = new Map<string, string>();
  for (const [area, table] of Object.entries(AREAS)) {
    for (const [key, text] of Object.entries(table.EN)) {
      assert.ok(!seen.has(key), `${key} in ${area} and ${seen.get(key)}`);
      assert.ok(!texts.has(text), `${area}.${key} says what ${texts.get(text)} says: ${text}`);
      seen.set(key, area);
      texts.set(text, `${area}.${key}`);
    }
  }
});
