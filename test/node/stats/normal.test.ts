// Standard normals as numpy's legacy generator draws them (src/stats/normal.ts),
// against numbers printed by numpy 2.4.6 itself:
//   np.random.seed(42); np.random.normal(0, 1, 10)
//   np.random.seed(42); np.random.normal(0, 1, 1000); np.random.normal(0, 1, 5)
//   np.random.seed(7); concatenate([np.random.normal(0, 1, 3), np.random.normal(0, 1, 4)])
//   np.random.seed(0); np.random.normal(0, 1, (2, 3)).ravel()
// (values pasted from `print(json.dumps([float(v) for v in …]))`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalStream } from '../../../src/stats/normal.js';
import { OptionError } from '../../../src/errors.js';

const draws = (seed: number, count: number, skip = 0) => {
  const next = normalStream(seed);
  for (let i = 0; i < skip; i++) next();
  return Array.from({ length: count }, next);
};

/** Equal to within a few ulps: the polar method's log may differ from the C library's in the last bit. */
function close(actual: number[], expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, what);
  actual.forEach((x, i) => assert.ok(Math.abs(x - expected[i]) <= 4e-16 * Math.max(1, Math.abs(expected[i])), `${what}[${i}]: ${x} vs ${expected[i]}`));
}

test('seed 42: the first ten normals are numpy\'s', () => {
  close(draws(42, 10), [
    0.4967141530112327, -0.13826430117118466, 0.6476885381006925, 1.5230298564080254, -0.23415337472333597,
    -0.23413695694918055, 1.5792128155073915, 0.7674347291529088, -0.4694743859349521, 0.5425600435859647,
  ], 'seed 42');
});

test('seed 42: draws 1000–1004 are numpy\'s (the stream stays in step through rejections)', () => {
  close(draws(42, 5, 1000), [1.3993554365860021, 0.9246336829127688, 0.05963036992017413, -0.6469367777055739, 0.6982233136135899], 'seed 42 at 1000');
});

test('seed 7: the value kept from a pair carries over between calls, as numpy\'s does (3 then 4 draws)', () => {
  close(draws(7, 7), [
    1.690525703800356, -0.4659373705408328, 0.0328201636785844, 0.40751628299650783, -0.7889230286257386,
    0.00206557290594813, -0.0008903858579313628,
  ], 'seed 7');
});

test('seed 0: a (2, 3) array is the stream row by row', () => {
  close(draws(0, 6), [1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458, 1.8675579901499675, -0.977277879876411], 'seed 0');
});

test('a seed outside [0, 2^32) is an OptionError', () => {
  assert.throws(() => normalStream(-1), (e: unknown) => e instanceof OptionError && e.option === 'seed');
  assert.throws(() => normalStream(2 ** 32), (e: unknown) => e instanceof OptionError && e.option === 'seed');
});
