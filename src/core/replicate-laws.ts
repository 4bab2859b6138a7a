/**
 * The laws a bootstrap's replicates stand for, rebuilt from its samples of the
 * published parameters, so that a quantity built from a law (a chained score,
 * a compute multiplier) gets an interval from the same replicates.
 */

import { paramSources } from './bootstrap-law.js';
import { resolveFitOptions, type FitOptions } from './fit-options.js';
import { lawFromTheta } from './forms.js';
import type { Law } from './forms-eval.js';
import type { PlanOptions } from './planning.js';
import type { ResampleRng } from '../stats/resample.js';

/** How the replicates of a quantity built from laws are drawn and summarised, as `bootstrap` takes them, and how laws are planned with. */
export interface ReplicateOptions {
  resamples?: number;
  seed?: number;
  rng?: ResampleRng;
  /** Interval level, default 0.95. */
  level?: number;
  plan?: PlanOptions;
  signal?: AbortSignal;
  /** Called as refits finish: resamples done of the total (over every bootstrap the quantity needs). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The `onProgress` of step `step` (0-based) of `steps` bootstraps run one
 * after another, reporting to `report` over all of them; undefined without one.
 */
export function stepProgress(report: ReplicateOptions['onProgress'], step: number, steps: number): ((done: number, total: number) => void) | undefined {
  return report && ((done, total) => report(step * total + done, steps * total));
}

/**
 * Each replicate's law from its published parameters (the bootstrap's
 * samples), through the θ each parameter is made of; undefined where the
 * refit failed (a NaN sample).
 */
export function replicateLaws(options: FitOptions, samples: Record<string, Float64Array>, estimate: Record<string, number>, resamples: number): (Law | undefined)[] {
  const { spec, names } = resolveFitOptions(options);
  const sources = paramSources(spec);
  return Array.from({ length: resamples }, (_, k) => {
    const theta = Float64Array.from(names, (name) => estimate[name]);
    for (const [key, source] of Object.entries(sources)) {
      if (!source) continue;
      const v = samples[key]?.[k];
      if (!(v === v) || v === undefined) return undefined;
      theta[names.indexOf(source.theta)] = source.scale ? Math.log(v) : v;
    }
    return lawFromTheta(spec, theta) as Law;
  });
}


/**
 * A quantity built from each replicate's laws, as columns over the
 * replicates: `row(k)` gives replicate k's `width` values, and a replicate
 * fails (NaN throughout, counted) when it gives none, throws (a replicate law
 * with no compute-optimal split, say) or gives a value that is not finite.
 */
export function replicateColumns(resamples: number, width: number, row: (k: number) => readonly number[] | undefined): { columns: Float64Array[]; failed: number } {
  const columns = Array.from({ length: width }, () => new Float64Array(resamples).fill(NaN));
  let failed = 0;
  for (let k = 0; k < resamples; k++) {
    let values: readonly number[] | undefined;
    try {
      values = row(k);
    } catch {
      values = undefined;
    }
    if (!values || !values.every(Number.isFinite)) { failed++; continue; }
    values.forEach((v, j) => { columns[j][k] = v; });
  }
  return { columns, failed };
}
