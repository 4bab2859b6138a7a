/**
 * The Mersenne Twister MT19937 (Matsumoto & Nishimura 1998, "Mersenne
 * Twister: a 623-dimensionally equidistributed uniform pseudo-random number
 * generator", ACM TOMACS 8(1)), seeded the way numpy's legacy
 * `np.random.seed(s)` / `RandomState(s)` seeds it, so a bootstrap here draws
 * the same resamples as a Python script.
 *
 * Seeding, as numpy does it (numpy/random/_mt19937.pyx, `_legacy_seeding`):
 * an integer seed in [0, 2³²) goes to `mt19937_seed`, which is the reference
 * `init_genrand` (Knuth's multiplier 1812433253); an array of such integers
 * goes to `init_by_array`. (Python's own `random.seed(int)` uses
 * `init_by_array` instead: the two streams differ.) Checked against numpy 2.4
 * in test/node/stats/mt19937.test.ts (fixture from scripts/fixtures/numpy_draws.py).
 *
 * Draws on top of the 32-bit words, each as numpy does it
 * (numpy/random/src/distributions/distributions.c):
 * - `nextDouble`: legacy `random_sample`, 53 bits from two words.
 * - `nextMasked(max)`: legacy `randint` / `choice(n, replace=True)` for
 *   max < 2³²: mask to the next power of two minus one, reject above max.
 * - `nextLemire(max)`: `Generator.integers` for max < 2³², Lemire's
 *   multiply-and-reject method (Lemire 2019, "Fast random integer generation
 *   in an interval", ACM TOMACS 29(1)).
 * Both bounded draws take no word when max is 0, and use the raw word when
 * max is 2³² − 1, as numpy does.
 */

import { optionError } from '../i18n/error-words/engine.js';

export interface MersenneTwister {
  /** `genrand_int32`: the next word, an integer in [0, 2³²). */
  nextUint32(): number;
  /** numpy's legacy `random_sample()`: a double in [0, 1) from two words. */
  nextDouble(): number;
  /** A uniform integer in [0, max] by masked rejection (numpy's legacy `randint`). 0 ≤ max < 2³². */
  nextMasked(max: number): number;
  /** A uniform integer in [0, max] by Lemire's method (numpy's `Generator.integers`). 0 ≤ max < 2³². */
  nextLemire(max: number): number;
}

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df; // the twist matrix's last row, a in the paper
const UPPER = 0x80000000; // most significant bit
const LOWER = 0x7fffffff; // the 31 low bits
const TWO_32 = 4294967296;
const MAX_UINT32 = 0xffffffff;

/** `init_genrand(s)`: state[i] = 1812433253 · (state[i−1] ⊕ (state[i−1] >> 30)) + i, mod 2³². */
function initGenrand(mt: Uint32Array, seed: number): void {
  mt[0] = seed >>> 0;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1];
    mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
  }
}

/** `init_by_array(key)` of the reference mt19937ar.c (2002 revision). */
function initByArray(mt: Uint32Array, key: ArrayLike<number>): void {
  initGenrand(mt, 19650218);
  let i = 1, j = 0;
  for (let k = Math.max(N, key.length); k > 0; k--) {
    const prev = mt[i - 1];
    mt[i] = ((mt[i] ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + key[j] + j) >>> 0;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = mt[i - 1];
    mt[i] = ((mt[i] ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i) >>> 0;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
  }
  mt[0] = UPPER; // the MSB is 1, so the state is never all zero
}

/** Regenerates all 624 words (the paper's recurrence, done N words at a time). */
function twist(mt: Uint32Array): void {
  let kk = 0;
  for (; kk < N - M; kk++) {
    const y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
    mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
  }
  for (; kk < N - 1; kk++) {
    const y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
    mt[kk] = mt[kk + M - N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
  }
  const y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
  mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
}

function checkMax(max: number): void {
  if (!(Number.isInteger(max) && max >= 0 && max <= MAX_UINT32)) {
    throw optionError('max', 'rng-uint32', { option: 'max', got: String(max) });
  }
}

/** x · m as (high, low) 32-bit halves, exactly; x, m < 2³². */
function mulWide(x: number, m: number, out: Float64Array): void {
  const p = x * m;
  if (p <= Number.MAX_SAFE_INTEGER) {
    const lo = p % TWO_32;
    out[0] = (p - lo) / TWO_32;
    out[1] = lo;
    return;
  }
  // Split x into 16-bit halves so every partial product is below 2⁵³.
  const ph = (x >>> 16) * m, pl = (x & 0xffff) * m;
  const phLo = ph % 65536;
  const t = phLo * 65536 + pl;
  const tLo = t % TWO_32;
  out[0] = (ph - phLo) / 65536 + (t - tLo) / TWO_32;
  out[1] = tLo;
}

function generator(mt: Uint32Array): MersenneTwister {
  let pos = N; // numpy and the reference both twist before the first word
  const wide = new Float64Array(2);
  const nextUint32 = (): number => {
    if (pos >= N) {
      twist(mt);
      pos = 0;
    }
    // Tempering (the paper, eq. 2.2–2.5).
    let y = mt[pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
  return {
    nextUint32,
    nextDouble() {
      // (a·2²⁶ + b) / 2⁵³ with a the top 27 bits of one word, b the top 26 of the next.
      const a = nextUint32() >>> 5, b = nextUint32() >>> 6;
      return (a * 67108864 + b) / 9007199254740992;
    },
    nextMasked(max) {
      checkMax(max);
      if (max === 0) return 0;
      let mask = max;
      mask |= mask >>> 1;
      mask |= mask >>> 2;
      mask |= mask >>> 4;
      mask |= mask >>> 8;
      mask |= mask >>> 16;
      mask >>>= 0;
      let value: number;
      do value = (nextUint32() & mask) >>> 0;
      while (value > max);
      return value;
    },
    nextLemire(max) {
      checkMax(max);
      if (max === 0) return 0;
      if (max === MAX_UINT32) return nextUint32();
      const range = max + 1;
      mulWide(nextUint32(), range, wide);
      if (wide[1] < range) {
        const threshold = (TWO_32 - range) % range; // 2³² mod range
        while (wide[1] < threshold) mulWide(nextUint32(), range, wide);
      }
      return wide[0];
    },
  };
}

/** An MT19937 seeded as `np.random.seed(seed)` seeds it: `init_genrand`, seed an integer in [0, 2³²). */
export function mt19937(seed: number): MersenneTwister {
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= MAX_UINT32)) {
    throw optionError('seed', 'rng-uint32', { option: 'seed', got: String(seed) });
  }
  const mt = new Uint32Array(N);
  initGenrand(mt, seed);
  return generator(mt);
}

/** An MT19937 seeded as `np.random.seed(array)` seeds it: `init_by_array`, each entry in [0, 2³²). */
export function mt19937FromArray(key: ArrayLike<number>): MersenneTwister {
  if (!key || key.length === 0) throw optionError('key', 'rng-key-empty', {});
  for (let j = 0; j < key.length; j++) {
    const v = key[j];
    if (!(Number.isInteger(v) && v >= 0 && v <= MAX_UINT32)) {
      throw optionError(`key[${j}]`, 'rng-uint32', { option: `key[${j}]`, got: String(v) });
    }
  }
  const mt = new Uint32Array(N);
  initByArray(mt, key);
  return generator(mt);
}
