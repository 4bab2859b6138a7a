/**
 * The embedded default dataset: what the elements and the CLI show before the
 * user gives data. Synthetic runs from Epoch AI's published Chinchilla law, so a
 * fit of it should land near known constants. Built on demand: importing this
 * module computes nothing.
 *
 * Law: A = 482.01, B = 2085.43, E = 1.817, α = 0.3478, β = 0.3658 (Besiroglu,
 * Erdil, Barnett & You 2024, "Chinchilla Scaling: A replication attempt",
 * arXiv 2404.10102; docs/fitting.md).
 * Design: the nine Chinchilla isoFLOP budgets 6e18 … 3e21 FLOPs × 9 model sizes
 * log-spaced over ±1 decade around the law's compute-optimal N*(C) = 81 runs
 * (N from 2.0e7 to 4.9e10), D = C/(6N).
 * Noise: σ = 0.01 on ln L (about ±1% multiplicative, ≈ 0.02–0.03 nats here,
 * comparable to the ≈0.01 colour-decoding precision of Epoch's data), seed 42.
 */

import { runsFromArrays } from '../core/runs.js';
import type { Runs } from '../core/runs-types.js';
import {
  CHINCHILLA_BUDGETS,
  EPOCH_LAW,
  generateRuns,
  runsToCsv,
  type SyntheticOptions,
} from './synthetic.js';

/** The generator options the demo dataset is built from. */
export const DEMO_OPTIONS: Readonly<SyntheticOptions> = Object.freeze({
  law: EPOCH_LAW,
  budgets: CHINCHILLA_BUDGETS,
  sizesPerBudget: 9,
  span: 1,
  offset: 0,
  sigma: 0.01,
  seed: 42,
});

/** The demo runs as CSV text (columns N, D, C, loss). */
export function demoCsv(): string {
  return runsToCsv(generateRuns(DEMO_OPTIONS));
}

/** The demo runs, validated; a fresh copy on every call (cheap: 81 runs). */
export function demoRuns(): Runs {
  return runsFromArrays(generateRuns(DEMO_OPTIONS));
}
