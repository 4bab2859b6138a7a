/**
 * Tick values and labels people can read on scaling-law axes:
 *   counts (N, D) with SI suffixes: 1K, 10M, 1B, 20B, 1T (10¹⁵ and up as powers);
 *   FLOPs as powers of ten, 10²¹ or 3×10²¹, the exponent a real superscript;
 *   losses as plain decimals with as many places as the tick step needs.
 * A label is `{ text, sup? }`: axes draw `sup` as a raised, smaller <tspan>
 * (dy shift, which renders the same in the page, in exported SVG and in PNG);
 * `labelText` gives the same label as plain text with Unicode superscript
 * digits, for tooltips, tables and aria-labels. The numbers themselves are
 * written by src/format/numbers.ts (shared with the elements and the CLI);
 * its helpers are re-exported here under the names the chart layer has always had.
 */

import { ticks } from 'd3-array';
import { fixed, formatCount, formatPower, labelText, placesFor, pow10, sig, type NumberLabel } from '../format/numbers.js';

export { fixed, formatCount, formatPower, labelText, placesFor, pow10, superscript } from '../format/numbers.js';
/** A tick's label: `text`, and an exponent `sup` to draw raised. */
export type TickLabel = NumberLabel;

export type Quantity = 'count' | 'flops' | 'decimal';
export type Variable = 'N' | 'D' | 'C' | 'loss';

export const quantityOf = (v: Variable): Quantity => (v === 'C' ? 'flops' : v === 'loss' ? 'decimal' : 'count');

/** FLOPs: always as a power of ten (10²¹, 3×10²¹). */
export const formatFlops = (x: number, digits = 3): TickLabel => formatPower(x, digits);

/** Plain decimals; with `step` (the tick spacing) the places that step needs, else 4 significant digits. */
export function formatDecimal(x: number, step?: number): TickLabel {
  if (step !== undefined && step > 0 && Number.isFinite(step)) return { text: fixed(x, placesFor(step)) };
  return { text: sig(x, 4) };
}

/** The label of a value of a quantity; `step` matters for decimals only. */
export function tickLabel(q: Quantity, x: number, step?: number): TickLabel {
  return q === 'count' ? formatCount(x) : q === 'flops' ? formatFlops(x) : formatDecimal(x, step);
}

/** A value as plain text for tooltips and tables, with `digits` significant digits: "1.23B", "3.4×10²¹", "2.315". */
export function formatValue(q: Quantity, x: number, digits = 4): string {
  return labelText(q === 'count' ? formatCount(x, digits) : q === 'flops' ? formatFlops(x, digits) : { text: sig(x, digits) });
}

export interface LogTicks {
  /** Labelled ticks. */
  major: number[];
  /** Unlabelled small ticks between them. */
  minor: number[];
}

/**
 * Ticks for a log axis with at most `maxMajor` labels: 1-2-5 per decade over
 * short spans, every decade (or every k-th) over long ones, and plain linear
 * ticks when the domain spans less than a decade.
 */
export function logTicks(domain: readonly [number, number], maxMajor = 8): LogTicks {
  const lo = Math.min(domain[0], domain[1]), hi = Math.max(domain[0], domain[1]);
  const a = Math.log10(lo), b = Math.log10(hi);
  const inside = (v: number) => v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12);
  if (b - a < 1) return { major: ticks(lo, hi, Math.max(2, Math.min(maxMajor, 6))), minor: [] };
  const k0 = Math.floor(a), k1 = Math.ceil(b);
  const multiples = (ms: readonly number[]) => {
    const out: number[] = [];
    for (let k = k0; k <= k1; k++) for (const m of ms) { const v = Number(`${m}e${k}`); if (inside(v)) out.push(v); }
    return out;
  };
  const decades = Math.floor(b) - Math.ceil(a) + 1;
  const oneTwoFive = multiples([1, 2, 5]);
  if (b - a <= 2.5 && oneTwoFive.length <= maxMajor) return { major: oneTwoFive, minor: multiples([3, 4, 6, 7, 8, 9]) };
  const step = Math.max(1, Math.ceil(decades / Math.max(1, maxMajor)));
  const major: number[] = [], minor: number[] = [];
  for (let k = Math.ceil(a); k <= Math.floor(b); k++) (k % step === 0 ? major : minor).push(pow10(k));
  if (major.length === 0) major.push(pow10(Math.ceil(a)));
  if (step === 1 && decades <= 10) for (const v of multiples([2, 3, 4, 5, 6, 7, 8, 9])) minor.push(v);
  return { major, minor: minor.filter((v) => !major.includes(v)) };
}

/** Ticks for a linear axis (d3's nice steps). */
export const linearTicks = (domain: readonly [number, number], count = 6): number[] => ticks(domain[0], domain[1], count);
