/**
 * Standard normal draws as numpy's legacy generator makes them, so a seeded
 * noise bootstrap here adds the same noise as `np.random.seed(seed)` followed
 * by `np.random.normal(0, 1, size)` (or several such calls) in Python.
 *
 * numpy's legacy `gauss` (numpy/random/src/legacy/legacy-distributions.c,
 * `legacy_gauss`) is Marsaglia's polar method (Marsaglia & Bray 1964, "A
 * convenient method for generating normal variables", SIAM Review 6(3)): draw
 * x₁, x₂ uniform in (−1, 1) from two `random_sample` doubles until
 * 0 < r² = x₁² + x₂² < 1, then f = √(−2 ln r² / r²); return f·x₂ and keep
 * f·x₁ for the next call. The kept value survives between calls, as numpy's
 * does, so one stream read in pieces equals one read at once.
 *
 * Agreement with numpy is to the last bit of its `random_sample` doubles; the
 * normals agree to within an ulp or so, as far as V8's `Math.log` agrees with
 * the C library's (checked against numpy 2.4 in test/node/stats/normal.test.ts).
 */

import { mt19937, type MersenneTwister } from './mt19937.js';

/** A stream of standard normal draws. */
export type NormalStream = () => number;

/** Standard normals from `twister` by numpy's legacy polar method (see above). */
export function legacyNormals(twister: MersenneTwister): NormalStream {
  let kept = 0, hasKept = false;
  return () => {
    if (hasKept) {
      hasKept = false;
      return kept;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * twister.nextDouble() - 1;
      x2 = 2 * twister.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    kept = f * x1;
    hasKept = true;
    return f * x2;
  };
}

/** Standard normals as after `np.random.seed(seed)`: seed an integer in [0, 2³²). */
export function normalStream(seed: number): NormalStream {
  return legacyNormals(mt19937(seed));
}
