/** Bench parts of issue #3: the default (fast) fit and the 4,000-resample bootstrap, wall time. */

import { readRuns } from '../src/core/runs.js';
import { fitSync } from '../src/core/fit.js';
import { bootstrap, REFIT_SOLVER } from '../src/core/bootstrap-fit.js';
import { refitScaling } from '../src/core/refit-scaling.js';
import { fitDataFor, runsForFit } from '../src/core/fit-data.js';
import { resolveFitOptions } from '../src/core/fit-options.js';
import { createEngine } from '../src/engine/select.js';
import { createResampler, indicesToWeights } from '../src/stats/resample.js';

export interface FastRow { engine: string; medianMs: number; minMs: number; objective: number; evaluations: number }
export interface BootstrapRow {
  engine: string; workers: number; resamples: number; failed: number;
  /** Wall time from Hoffmann's θ₀ (Epoch's reproduction) and from the estimate (the default). */
  ms: number; msFromEstimate: number;
  /** The same 4,000 refits from Hoffmann's θ₀ alone, in one thread with no workers: what two workers cannot go below (half of it). */
  refitsAlone: { engine: string; ms: number; evaluations: number };
}

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
  return { engine: last.engine, medianMs: times[Math.floor(times.length / 2)], minMs: times[0], objective: last.objective, evaluations: last.evaluations };
}

/** 4,000 resamples, numpy draws, seed 42, with workers: refits from Hoffmann's θ₀, then from the estimate. */
export async function measureBootstrap(csv: string): Promise<BootstrapRow> {
  const start = { a: 6.0073404, b: 6.0179186, e: 0.5267228, alpha: 0.33917084, beta: 0.2849083 };
  const options = { dropHighest: 5, resamples: 4000, rng: 'numpy', seed: 42 } as const;
  await bootstrap(csv, { dropHighest: 5, resamples: 64, rng: 'numpy', start }); // start the workers
  const r = await bootstrap(csv, { ...options, start });
  const fromEstimate = await bootstrap(csv, options);
  return {
    engine: r.engine, workers: r.workers, ms: r.ms, msFromEstimate: fromEstimate.ms, resamples: r.resamples, failed: r.failed,
    refitsAlone: refitsAlone(csv, Object.values(start)),
  };
}

/** The bootstrap's refits and nothing else: the same resamples, start, scaling and rules, one engine in this thread. */
function refitsAlone(csv: string, start: number[]): BootstrapRow['refitsAlone'] {
  const opts = resolveFitOptions({ dropHighest: 5 });
  const data = fitDataFor(runsForFit(csv, { dropHighest: 5, form: 'chinchilla' }, 5), opts.spec);
  const fitted = fitSync(readRuns(csv, { dropHighest: 5 }));
  const scaling = refitScaling(opts.spec, data, Float64Array.from(opts.names, (k) => fitted.theta[k]), false)!;
  const n = data.count, resamples = 4000;
  const next = createResampler('numpy', 42, n), indices = new Int32Array(n);
  const weights = new Float64Array(resamples * n);
  for (let k = 0; k < resamples; k++) weights.set(indicesToWeights(next(indices), n), k * n);
  const engine = createEngine('auto');
  engine.setData(data);
  const t0 = performance.now();
  const batch = engine.fitWeighted(opts.spec, weights, scaling.toZ(start), REFIT_SOLVER, scaling.affine);
  const ms = performance.now() - t0;
  return { engine: engine.name, ms, evaluations: batch.evals.reduce((a, e) => a + e, 0) };
}
