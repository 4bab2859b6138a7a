/** Bench parts of issue #3: the default (fast) fit and the 4,000-resample bootstrap, wall time. */

import { readRuns } from '../src/core/runs.js';
import { fitSync } from '../src/core/fit.js';
import { bootstrap } from '../src/core/bootstrap-fit.js';

export interface FastRow { engine: string; medianMs: number; minMs: number; objective: number }
export interface BootstrapRow { engine: string; workers: number; ms: number; resamples: number; failed: number }

/** Default fit of the 240-run Chinchilla set from parsed runs: median and best of `repeats`. */
export function measureDefaultFit(csv: string, repeats = 21): FastRow {
  const runs = readRuns(csv, { dropHighest: 5 });
  const times: number[] = [];
  let last = fitSync(runs);
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    last = fitSync(runs);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { engine: last.engine, medianMs: times[Math.floor(times.length / 2)], minMs: times[0], objective: last.objective };
}

/** 4,000 resamples, numpy draws, seed 42, refits from Hoffmann's θ0, with workers. */
export async function measureBootstrap(csv: string): Promise<BootstrapRow> {
  const start = { a: 6.0073404, b: 6.0179186, e: 0.5267228, alpha: 0.33917084, beta: 0.2849083 };
  await bootstrap(csv, { dropHighest: 5, resamples: 64, rng: 'numpy', start }); // start the workers
  const r = await bootstrap(csv, { dropHighest: 5, resamples: 4000, rng: 'numpy', seed: 42, start });
  return { engine: r.engine, workers: r.workers, ms: r.ms, resamples: r.resamples, failed: r.failed };
}
