/**
 * Position scales for scaling-law charts: logarithmic for N, D and C,
 * linear or logarithmic for loss, with domains taken from the data.
 *
 * The scales are our own, a few lines instead of d3-scale (which brings
 * d3-interpolate and d3-color along, ~8 KB gzip of the single-file bundle),
 * and compute exactly what d3's continuous linear and log scales with two-value
 * domains and ranges compute, clamping off: the same arithmetic in the same
 * order, so pixel positions agree to the last bit (test/node/chart/scales.test.ts
 * compares them with d3-scale's).
 */

import { tickIncrement } from 'd3-array';

export type ScaleType = 'log' | 'linear';

/** A position scale: domain value → pixel; `invert` goes back. */
export interface PositionScale {
  /** The pixel of a value; NaN and null give undefined, as d3's scales do. */
  (value: number): number;
  /** The value at a pixel. */
  invert(pixel: number): number;
  /** A copy of [d0, d1]. */
  domain(): [number, number];
  /** A copy of [r0, r1]. */
  range(): [number, number];
}

/** t ∈ [0, 1] → a + t·(b − a), written as d3-interpolate writes it. */
const lerp = (a: number, b: number) => (t: number): number => a * (1 - t) + b * t;

/** x ∈ [a, b] → t ∈ [0, 1]; a zero-width span maps everything to ½ (NaN for NaN bounds). */
function unit(a: number, b: number): (x: number) => number {
  const width = b - a;
  if (width) return (x) => (x - a) / width;
  const mid = Number.isNaN(width) ? NaN : 0.5;
  return () => mid;
}

/** The linear map taking [d0, d1] onto [r0, r1], normalising over the ascending order of the domain. */
function linearMap(d0: number, d1: number, r0: number, r1: number): (x: number) => number {
  const [t, v] = d1 < d0 ? [unit(d1, d0), lerp(r1, r0)] : [unit(d0, d1), lerp(r0, r1)];
  return (x) => v(t(x));
}

/** Natural log, or −log(−x) for a negative domain; and its inverse. */
const LOG = { to: Math.log, from: Math.exp };
const NEGATIVE_LOG = { to: (x: number) => -Math.log(-x), from: (x: number) => -Math.exp(-x) };
const IDENTITY = { to: (x: number) => x, from: (x: number) => x };

/** A scale of the given type; clamping off so the clip path, not the scale, hides what leaves the plot. */
export function positionScale(type: ScaleType, domain: readonly [number, number], range: readonly [number, number]): PositionScale {
  const d: [number, number] = [+domain[0], +domain[1]];
  const r: [number, number] = [range[0], range[1]];
  const f = type === 'linear' ? IDENTITY : d[0] < 0 ? NEGATIVE_LOG : LOG;
  const forward = linearMap(f.to(d[0]), f.to(d[1]), +r[0], +r[1]);
  const backward = linearMap(+r[0], +r[1], f.to(d[0]), f.to(d[1]));
  const scale = ((value: number) => {
    if (value == null || Number.isNaN((value = +value))) return undefined as unknown as number;
    return forward(f.to(value));
  }) as PositionScale;
  scale.invert = (pixel) => f.from(backward(pixel));
  scale.domain = () => [d[0], d[1]];
  scale.range = () => [r[0], r[1]];
  return scale;
}

/**
 * Extends a linear domain to round values at the tick step for about `count`
 * ticks, repeating until the step settles (d3's `linear.nice`); a domain whose
 * step never settles, or has no step, comes back as it was.
 */
export function niceDomain(domain: readonly [number, number], count = 10): [number, number] {
  const reversed = domain[1] < domain[0];
  let [start, stop] = reversed ? [domain[1], domain[0]] : [domain[0], domain[1]];
  let previous: number | undefined;
  for (let i = 0; i < 10; i++) {
    const step = tickIncrement(start, stop, count);
    if (step === previous) return reversed ? [stop, start] : [start, stop];
    if (step > 0) {
      start = Math.floor(start / step) * step;
      stop = Math.ceil(stop / step) * step;
    } else if (step < 0) {
      start = Math.ceil(start * step) / step;
      stop = Math.floor(stop * step) / step;
    } else {
      break;
    }
    previous = step;
  }
  return [domain[0], domain[1]];
}

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
  return nice ? niceDomain(d) : d;
}

/** A padded domain of the given type over the values. */
export function domainOf(type: ScaleType, values: Iterable<number>, pad?: number): [number, number] | undefined {
  const e = extent(values, type === 'log');
  if (!e) return undefined;
  return type === 'log' ? logDomain(e, pad) : linearDomain(e, pad);
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
