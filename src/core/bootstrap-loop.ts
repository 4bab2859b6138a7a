/**
 * The replicate loop every bootstrap runs (./bootstrap.ts, ./bootstrap-law.ts):
 * resampled runs as per-run weights, refitted a batch at a time.
 */

import { kitError } from '../i18n/error-words/fit.js';
import { nextTask } from '../next-task.js';
import { createResampler, indicesToWeights, type ResampleRng } from '../stats/resample.js';
import type { BootstrapOptions } from './bootstrap.js';

export interface Loop {
  n: number;
  /** Length of θ the refit must return. */
  P: number;
  rng: ResampleRng;
  seed: number;
  resamples: number;
  batchSize: number;
  start: Float64Array;
}

/**
 * The replicate loop: `resamples` replicates in batches of `batchSize`, each
 * batch one call to `refit`, and `take(k, θ, converged)` for each replicate in
 * order. Between batches it checks `signal` (throwing its reason), reports
 * progress and yields to the event loop, so a page can repaint and cancel.
 * The arrays handed to `refit` are never reused: it may keep or transfer them.
 */
export async function refitReplicates(
  o: Loop, options: Pick<BootstrapOptions, 'refit' | 'signal' | 'onProgress'>,
  take: (k: number, theta: Float64Array, converged: boolean) => void,
): Promise<void> {
  const { signal, onProgress, refit } = options;
  signal?.throwIfAborted();
  const next = createResampler(o.rng, o.seed, o.n);
  const indices = new Int32Array(o.n);
  for (let from = 0; from < o.resamples; from += o.batchSize) {
    const count = Math.min(o.batchSize, o.resamples - from);
    const weights = Array.from({ length: count }, () => indicesToWeights(next(indices), o.n));
    const out = await refit(weights, o.start.slice());
    signal?.throwIfAborted();
    if (!out || !Array.isArray(out.theta) || !Array.isArray(out.converged)) throw kitError('engine', 'bootstrap-refit-not-arrays', { count });
    if (out.theta.length !== count || out.converged.length !== count) {
      throw kitError('engine', 'bootstrap-refit-counts', { thetas: out.theta.length, flags: out.converged.length, count });
    }
    for (let j = 0; j < count; j++) {
      const t = out.theta[j];
      if (!t || t.length !== o.P) throw kitError('engine', 'bootstrap-refit-length', { length: t?.length ?? 0, replicate: from + j, expected: o.P });
      take(from + j, t, out.converged[j] === true);
    }
    onProgress?.(from + count, o.resamples);
    if (from + count < o.resamples) {
      await nextTask();
      signal?.throwIfAborted();
    }
  }
}

