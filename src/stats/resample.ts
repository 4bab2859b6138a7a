/**
 * Bootstrap resamples of n runs: which runs each replicate draws, and the
 * same thing as integer weights a weighted refit can take.
 *
 * Two generators, both seeded with one integer in [0, 2³²):
 * - 'numpy' reproduces `np.random.seed(seed)` followed by successive calls
 *   `np.random.choice(n, size, replace=True)`, the resampling of Epoch's
 *   replication of Chinchilla (Besiroglu et al. 2024: seed 42, 4,000 calls
 *   of choice(240, 240)). Legacy numpy draws each index by masked rejection
 *   on MT19937 words (src/stats/mt19937.ts).
 * - 'default' is the kit's own: the same MT19937 stream with Lemire's bounded
 *   draws (Lemire 2019), which reject far less often. Its draws equal numpy's
 *   `Generator(bg).integers(0, n, size)` with `bg` an MT19937 legacy-seeded
 *   with the seed, and will not change between versions of the kit.
 * Draws for replicate k follow those for replicates 0..k−1 on one stream, so
 * asking for more resamples keeps the first ones unchanged.
 */

import { optionError } from '../i18n/error-words/engine.js';
import { mt19937 } from './mt19937.js';

export type ResampleRng = 'numpy' | 'default';
export const RESAMPLE_RNGS: readonly ResampleRng[] = ['numpy', 'default'];

/** Fills `out` with the next replicate's run indices (each in [0, n)) and returns it. */
export type Resampler = (out?: Int32Array) => Int32Array;

const MAX_RUNS = 2 ** 31 - 1; // indices live in an Int32Array

function checkCount(option: string, value: number, min: number, max = MAX_RUNS): void {
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    throw optionError(option, 'option-integer-range', { option, min, max, got: String(value) });
  }
}

/**
 * A stream of replicates: each call draws `size` indices in [0, n) with
 * replacement. `size` defaults to n (the usual bootstrap).
 */
export function createResampler(rng: ResampleRng, seed: number, n: number, size = n): Resampler {
  if (!RESAMPLE_RNGS.includes(rng)) throw optionError('rng', 'resample-rng', { rngs: RESAMPLE_RNGS.join(', '), got: String(rng) });
  checkCount('n', n, 1);
  checkCount('size', size, 0);
  const twister = mt19937(seed);
  const max = n - 1;
  const draw = rng === 'numpy' ? () => twister.nextMasked(max) : () => twister.nextLemire(max);
  return (out = new Int32Array(size)) => {
    if (out.length !== size) throw optionError('out', 'resample-out', { size, got: out.length });
    for (let i = 0; i < size; i++) out[i] = draw();
    return out;
  };
}

/**
 * `np.random.seed(seed)` then `count` calls `np.random.choice(n, size, replace=True)`,
 * as one flat array: replicate k is `subarray(k * size, (k + 1) * size)`.
 */
export function numpyChoiceIndices(seed: number, n: number, size: number, count: number): Int32Array {
  checkCount('count', count, 0);
  const next = createResampler('numpy', seed, n, size);
  if (size * count > MAX_RUNS) throw optionError('count', 'resample-too-many', { size, count });
  const all = new Int32Array(size * count);
  for (let k = 0; k < count; k++) next(all.subarray(k * size, (k + 1) * size));
  return all;
}

/**
 * Collapses a replicate's indices into per-run weights: weight i is how many
 * times run i was drawn (0 for runs left out). A refit with these weights on
 * the n runs has the same objective as a refit on the drawn rows, since the
 * objective is a sum over rows.
 */
export function indicesToWeights(indices: ArrayLike<number>, n: number, out?: Float64Array): Float64Array {
  checkCount('n', n, 1);
  const weights = out ?? new Float64Array(n);
  if (weights.length !== n) throw optionError('out', 'resample-out', { size: n, got: weights.length });
  weights.fill(0);
  for (let t = 0; t < indices.length; t++) {
    const i = indices[t];
    if (!(Number.isInteger(i) && i >= 0 && i < n)) throw optionError(`indices[${t}]`, 'option-integer-range', { option: `indices[${t}]`, min: 0, max: n - 1, got: String(i) });
    weights[i]++;
  }
  return weights;
}
