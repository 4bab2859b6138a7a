// The value a first-render step prepares (src/elements/controllers/prepared.ts) is taken once,
// and only by the update whose inputs are the ones it was made from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Prepared } from '../../../src/elements/controllers/prepared.js';

test('taken once, by the same inputs: later updates compute again', () => {
  const p = new Prepared<{ id: number }>();
  const inputs = { law: 'x' };
  const made = { id: 1 };
  p.hold(['a', inputs, 3], made);
  assert.equal(p.peek(['a', inputs, 3]), made, 'peek leaves it held');
  let calls = 0;
  assert.equal(p.take(['a', inputs, 3], () => ({ id: ++calls })), made);
  assert.equal(calls, 0);
  assert.deepEqual(p.take(['a', inputs, 3], () => ({ id: ++calls })), { id: 1 });
  assert.equal(calls, 1, 'the second update made its own');
});

test('other inputs (a new object, another value, another length) are not served what was prepared, and it is dropped', () => {
  for (const key of [['a', { law: 'x' }, 3], ['a', 'x', 4], ['a', 'x'], [NaN, 'x', 3]]) {
    const p = new Prepared<string>();
    p.hold(['a', 'x', 3], 'old');
    assert.equal(p.peek(key), undefined, JSON.stringify(key));
    assert.equal(p.take(key, () => 'new'), 'new');
    assert.equal(p.take(['a', 'x', 3], () => 'again'), 'again', 'dropped by the take that missed');
  }
  const nan = new Prepared<string>();
  nan.hold([NaN], 'kept');
  assert.equal(nan.take([NaN], () => 'made'), 'kept', 'Object.is: NaN is NaN');
});
