// The Akima spline (src/core/akima.ts) against scipy 1.17.1's
// scipy.interpolate.Akima1DInterpolator (method 'akima', no extrapolation).
// The reference numbers were printed by this script (numpy 2.4.6), then pasted:
//
//   from scipy.interpolate import Akima1DInterpolator as A
//   s = A(np.array(x, float), np.array(y, float))
//   values = s(np.array(u, float)); slopes = s.derivative()(np.array(x, float))
//
// for the four (x, y, u) below. None of them comes from the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { akimaSpline } from '../../../src/core/akima.js';
import { OptionError } from '../../../src/errors.js';

interface Case { x: number[]; y: number[]; u: number[]; values: (number | null)[]; slopes: number[] }

const CASES: Record<string, Case> = {
  // Uneven spacing (gaps 0.5 to 1.7), both ends, knots, points just inside the ends, and outside (NaN).
  uneven: {
    x: [0, 0.5, 1.7, 2.0, 3.5, 5.2, 6.0], y: [1.0, 0.3, 0.9, 2.0, 1.1, 1.4, 0.2],
    u: [0, 0.1, 0.25, 0.49, 0.5, 1.0, 1.7, 1.9, 2.7, 3.5, 4.0, 5.9, 6.0, -0.1, 6.1],
    values: [1.0, 0.7878000000000001, 0.54609375, 0.3069709500000001, 0.3, 0.2293883727477478, 0.9, 1.7369329847002641,
      1.6501705785232796, 1.1, 1.1887550953724875, 0.42670945963817114, 0.19999999999999996, null, null],
    slopes: [-2.35, -0.6875, 1.4756756756756757, 0.24017901541521613, -0.04256021115143527, -0.3542107490478205, -2.3382352941176467],
  },
  // Secants 0, 0, 1, 1, 1: at x = 2 both weights are 0 (m₁ = m₂ ≠ m₃ = m₄), so the slope is the mean of the outer secants, 0.5.
  flat: {
    x: [0, 1, 2, 3, 4, 5], y: [0, 0, 0, 1, 2, 3], u: [0.5, 1.5, 2, 2.5, 3.2, 4.9],
    values: [0.0, -0.0625, 0.0, 0.4375, 1.2000000000000002, 2.9000000000000004], slopes: [0.0, 0.0, 0.5, 1.0, 1.0, 1.0],
  },
  // Three points, the fewest an isoFLOP budget may have: every slope comes from the end rule
  // (secants −1, 1 continued as −3, −5 on the left and 3, 5 on the right).
  three: { x: [0, 1, 3], y: [1, 0, 2], u: [0, 0.3, 1, 2, 2.9, 3], values: [1.0, 0.49, 0.0, 0.5, 1.805, 2.0], slopes: [-2.0, 0.0, 2.0] },
  // Two points: the straight line.
  two: { x: [1, 4], y: [2, -1], u: [1, 2.5, 4], values: [2.0, 0.5, -1.0], slopes: [-1.0, -1.0] },
};

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-14 * Math.max(1, Math.abs(b));

for (const [name, c] of Object.entries(CASES)) {
  test(`Akima spline, ${name}: values and knot slopes are scipy's to 1e-14`, () => {
    const s = akimaSpline(c.x, c.y);
    c.u.forEach((u, i) => {
      const want = c.values[i], got = s.at(u);
      if (want === null) assert.ok(Number.isNaN(got), `at ${u}: ${got}, expected NaN (no extrapolation)`);
      else assert.ok(near(got, want), `at ${u}: ${got} vs scipy ${want}`);
    });
    c.slopes.forEach((t, i) => assert.ok(near(s.slopes[i], t), `slope at ${c.x[i]}: ${s.slopes[i]} vs scipy ${t}`));
  });
}

test('the spline passes through its points and is continuous with continuous slope at the knots', () => {
  const { x, y } = CASES.uneven, s = akimaSpline(x, y);
  // Exactly at every knot but the last, which the last piece reaches by its cubic (scipy too gives 0.19999999999999996).
  x.forEach((xi, i) => assert.ok(i < x.length - 1 ? s.at(xi) === y[i] : near(s.at(xi), y[i]), `at ${xi}`));
  for (let i = 1; i < x.length - 1; i++) {
    const h = 1e-7, left = s.at(x[i] - h), right = s.at(x[i] + h);
    assert.ok(Math.abs((right - left) / (2 * h) - s.slopes[i]) < 1e-5, `slope at ${x[i]}`);
  }
});

test('evaluation order does not matter (the piece search restarts when u goes back)', () => {
  const { x, y, u, values } = CASES.uneven, s = akimaSpline(x, y);
  for (const i of [12, 0, 7, 3, 11, 1]) assert.ok(near(s.at(u[i]), values[i]!), `at ${u[i]}`);
});

test('fewer than two points, unequal lengths or x not strictly increasing: an OptionError by key', () => {
  const key = (k: string) => (e: unknown) => e instanceof OptionError && e.detail?.key === k && e.option === 'x';
  assert.throws(() => akimaSpline([0], [1]), key('akima-points'));
  assert.throws(() => akimaSpline([0, 1, 2], [1, 2]), key('akima-points'));
  assert.throws(() => akimaSpline([0, 1, 1], [1, 2, 3]), key('akima-not-increasing'));
  assert.throws(() => akimaSpline([0, NaN, 2], [1, 2, 3]), key('akima-not-increasing'));
});
