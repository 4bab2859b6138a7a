// One syntax for naming columns (src/core/column-spec.ts): pairs or JSON,
// weight= and U= beside the quantities, and a clear OptionError for each way
// it can be wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseColumnSpec, withColumn } from '../../../src/core/column-spec.js';
import { OptionError } from '../../../src/errors.js';
import { readRuns } from '../../../src/core/runs.js';

test('pairs and JSON name the same columns; weight= and U= become readRuns\' weights and unique', () => {
  const expected = { columns: { N: 'params', D: 'tokens', loss: 'c4 loss' }, weights: 'w', unique: 'U_tokens' };
  assert.deepEqual(parseColumnSpec(' N=params , D=tokens,loss=c4 loss,weight=w,U=U_tokens'), expected);
  assert.deepEqual(parseColumnSpec('{"N":"params","D":"tokens","loss":"c4 loss","weight":"w","U":"U_tokens"}'), expected);
  assert.deepEqual(parseColumnSpec('{"loss": "c4, final = last"}'), { columns: { loss: 'c4, final = last' } });
  assert.deepEqual(parseColumnSpec('loss=a=b'), { columns: { loss: 'a=b' } }, 'the first = splits');
});

test('each mistake is an OptionError under the option name it was given as', () => {
  const cases: [string, RegExp][] = [
    ['', /expected QUANTITY=COLUMN pairs/],
    ['loss', /expected QUANTITY=COLUMN, got "loss"/],
    ['Q=a', /unknown quantity "Q", expected one of N, D, C, loss, weight, U/],
    ['loss=', /loss needs a column name/],
    ['loss=a,loss=b', /loss is named twice/],
    ['{"loss": 1}', /loss needs a column name/],
    ['{"loss":', /invalid JSON/],
    [`loss=${'x'.repeat(5000)}`, /longer than 4096 characters/],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => parseColumnSpec(text, '--columns'), (e: unknown) => e instanceof OptionError && e.option === '--columns' && message.test(e.message), text);
  }
});

test('withColumn keeps a mapping a mapping, and spec text text with its weight and U columns', () => {
  assert.deepEqual(withColumn(undefined, 'loss', 'b'), { loss: 'b' });
  assert.deepEqual(withColumn({ N: 'p' }, 'loss', 'b'), { N: 'p', loss: 'b' });
  const text = withColumn('N=p,weight=w,loss=a', 'loss', 'b') as string;
  assert.deepEqual(parseColumnSpec(text), { columns: { N: 'p', loss: 'b' }, weights: 'w' });
});

test('a spec read with readRuns fits the columns it names', () => {
  const csv = 'p,t,loss_a,loss_b,w\n1e8,2e9,3.1,2.9,1\n2e8,4e9,3.0,2.8,2\n';
  const runs = readRuns(csv, parseColumnSpec('N=p,D=t,loss=loss_b,weight=w'));
  assert.deepEqual([...runs.loss], [2.9, 2.8]);
  assert.deepEqual([...runs.weight!], [1, 2]);
  assert.deepEqual(runs.columns, { N: 'p', D: 't', loss: 'loss_b', weight: 'w' });
  assert.equal(runs.alternatives, undefined, 'no choice was made by name');
});
