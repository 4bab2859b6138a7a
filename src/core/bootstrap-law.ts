/**
 * The bootstrap of any form (`ObjectiveSpec`): the replicate loop of
 * ./bootstrap.ts with intervals for every published parameter of the law θ
 * stands for (`lawFromTheta`; the broken form's breaks flattened as c1, d1,
 * f1, …), without the Chinchilla-only derived quantities. A replicate fails
 * when its refit did not converge or gave a θ or parameters that are not finite.
 */

import { optionError } from '../i18n/error-words/fit.js';
import { lawFromTheta, specThetaNames } from './forms.js';
import { descriptorOf } from '../laws/index.js';
import type { Law } from './forms-eval.js';
import { paramCount, type ObjectiveSpec } from '../engine/types.js';
import { correlationMatrix } from '../stats/intervals.js';
import type { ResampleRng } from '../stats/resample.js';
import { summarize, type BootstrapOptions, type Interval } from './bootstrap.js';
import { resolveCommon, thetaOf } from './bootstrap-options.js';
import { refitReplicates } from './bootstrap-loop.js';

/** Options of `bootstrapLaw`: those of `bootstrapChinchilla` for any form, θ named by `thetaNames(spec.form, spec.breaks)`. */
export interface LawBootstrapOptions extends Omit<BootstrapOptions, 'start' | 'estimate' | 'budgets' | 'at'> {
  /** The objective the refits fit: its form (and breaks) name θ and turn it into the law. */
  spec: ObjectiveSpec;
  /** θ₀ every refit starts from, by name. */
  start: Record<string, number>;
  /** The point estimate θ, by name, reported beside each interval when given. */
  estimate?: Record<string, number>;
}

/** What `bootstrapLaw` returns: intervals for every published parameter of the form. */
export interface LawBootstrapResult {
  resamples: number;
  failed: number;
  level: number;
  rng: ResampleRng;
  seed: number;
  /** One interval per published parameter (`publishedParams` of the law). */
  params: Record<string, Interval>;
  /** Pearson correlation over replicates of θ, in `thetaNames(form, breaks)` order. */
  correlation: number[][];
  /** Per-replicate published parameters (NaN where the replicate failed). */
  samples: Record<string, Float64Array>;
}

/**
 * A law's published parameters as one flat record: numbers as they are, the
 * broken form's `breaks` as c1, d1, f1, c2, … (as the elements show them).
 */
export function publishedParams(law: Law): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(law.params as unknown as Record<string, unknown>)) {
    if (typeof value === 'number') out[key] = value;
    else if (Array.isArray(value)) {
      value.forEach((b: Record<string, number>, i) => {
        for (const [k, v] of Object.entries(b)) out[`${k}${i + 1}`] = v;
      });
    }
  }
  return out;
}

/** How a published parameter comes from θ: its raw name, and whether it is e^θ (a positive scale) or θ itself (an exponent). */
export interface ParamSource { theta: string; scale: boolean }

/**
 * For each published parameter of the form, the θ it is made of (undefined
 * for constants the fit holds fixed, e.g. the data-constrained form's base
 * law). Read off `lawFromTheta` itself at a probe θ of distinct values, so it
 * follows forms.ts: a parameter equal to θᵢ is θᵢ, one equal to e^θᵢ is a scale.
 */
export function paramSources(spec: ObjectiveSpec): Record<string, ParamSource | undefined> {
  const names = specThetaNames(spec);
  const probe = Float64Array.from(names, (_, i) => 0.3 + i / 7);
  const out: Record<string, ParamSource | undefined> = {};
  for (const [key, value] of Object.entries(publishedParams(lawFromTheta(spec, probe)))) {
    let i = probe.findIndex((t) => t === value);
    let scale = false;
    if (i < 0) (i = probe.findIndex((t) => Math.exp(t) === value)), (scale = true);
    out[key] = i < 0 ? undefined : { theta: names[i], scale };
  }
  return out;
}

/**
 * The bootstrap of any form: as `bootstrapChinchilla`, with intervals for every
 * published parameter of the form (`publishedParams`) and the correlation of θ.
 * A replicate fails when its refit did not converge or its θ or parameters are
 * not finite (a negative exponent is a sample like any other).
 */
export async function bootstrapLaw(options: LawBootstrapOptions): Promise<LawBootstrapResult> {
  const o = resolveCommon(options);
  const { spec } = options;
  if (spec === null || typeof spec !== 'object') throw optionError('spec', 'bootstrap-spec-not-object', {});
  const names = specThetaNames(spec);
  const P = paramCount(spec);
  const start = thetaOf('start', options.start, names);
  const estimate = options.estimate === undefined ? undefined : thetaOf('estimate', options.estimate, names);
  const published = (t: ArrayLike<number>): Record<string, number> | null => {
    for (let j = 0; j < P; j++) if (!Number.isFinite(t[j])) return null;
    const p = publishedParams(lawFromTheta(spec, t));
    return Object.values(p).every(Number.isFinite) ? p : null;
  };
  const est = estimate ? published(estimate) : null;
  if (estimate && !est) throw optionError('estimate', 'bootstrap-estimate-not-finite', { form: spec.form, theta: Array.from(estimate).join(', ') });
  const keys = Object.keys(publishedParams(lawFromTheta(spec, start)));
  const column = () => new Float64Array(o.resamples).fill(NaN);
  const theta = Array.from({ length: P }, column);
  const samples: Record<string, Float64Array> = Object.fromEntries(keys.map((k) => [k, column()]));
  let failed = 0;
  const canonical = descriptorOf(spec.form)?.canonical;
  await refitReplicates({ ...o, P, start }, options, (k, refit, converged) => {
    const t = canonical ? Float64Array.from(refit) : refit;
    canonical?.(t);
    const params = converged ? published(t) : null;
    if (!params) failed++;
    else {
      for (let j = 0; j < P; j++) theta[j][k] = t[j];
      for (const key of keys) samples[key][k] = params[key];
    }
    options.onReplicate?.(k, t, params !== null);
  });
  return {
    resamples: o.resamples,
    failed,
    level: o.level,
    rng: o.rng,
    seed: o.seed,
    params: Object.fromEntries(keys.map((k) => [k, summarize(samples[k], o.level, est?.[k])])),
    correlation: correlationMatrix(theta),
    samples,
  };
}
