/**
 * Position scales for scaling-law charts: logarithmic for N, D and C,
 * linear or logarithmic for loss, with domains taken from the data. Thin
 * wrappers over d3-scale, so every d3 scale method still works.
 */

import { scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3-scale';

export type ScaleType = 'log' | 'linear';
export type PositionScale = ScaleLogarithmic<number, number> | ScaleLinear<number, number>;

/** [min, max] of the finite values (positive only when `positive`), or undefined when there are none. */
export function extent(values: Iterable<number>, positive = false): [number, number] | undefined {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (positive && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** A log domain padded by `pad` of its width in log space; a single value widens to ±half a decade. */
export function logDomain([lo, hi]: [number, number], pad = 0.04): [number, number] {
  if (!(lo > 0 && hi > 0)) throw new RangeError(`invalid log domain; expected positive bounds: ${lo}, ${hi}`);
  const a = Math.log10(lo), b = Math.log10(hi), span = b - a || 1;
  return [10 ** (a - pad * span), 10 ** (b + pad * span)];
}

/** A linear domain padded by `pad` of its width, then rounded outwards to nice values. */
export function linearDomain([lo, hi]: [number, number], pad = 0.05, nice = true): [number, number] {
  const span = hi - lo || Math.abs(hi) * 0.1 || 1;
  const d: [number, number] = [lo - pad * span, hi + pad * span];
  return nice ? (scaleLinear().domain(d).nice().domain() as [number, number]) : d;
}

/** A padded domain of the given type over the values. */
export function domainOf(type: ScaleType, values: Iterable<number>, pad?: number): [number, number] | undefined {
  const e = extent(values, type === 'log');
  if (!e) return undefined;
  return type === 'log' ? logDomain(e, pad) : linearDomain(e, pad);
}

/** A d3 scale of the given type; clamping off so the clip path, not the scale, hides what leaves the plot. */
export function positionScale(type: ScaleType, domain: [number, number], range: [number, number]): PositionScale {
  return type === 'log' ? scaleLog().domain(domain).range(range) : scaleLinear().domain(domain).range(range);
}

/**
 * The index 0…k−1 of `value` among k equal slices of `domain` in log space:
 * the colour class of a run by model size (`size-0` smallest).
 */
export function logBin(value: number, [lo, hi]: [number, number], k = 6): number {
  if (!(value > 0) || !(hi > lo)) return 0;
  const t = (Math.log(value) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
  return Math.min(k - 1, Math.max(0, Math.floor(t * k)));
}
