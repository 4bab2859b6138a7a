/**
 * Tick values and labels people can read on scaling-law axes:
 *   counts (N, D) with SI suffixes: 1K, 10M, 1B, 20B, 1T (10¹⁵ and up as powers);
 *   FLOPs as powers of ten, 10²¹ or 3×10²¹, the exponent a real superscript;
 *   losses as plain decimals with as many places as the tick step needs.
 * A label is `{ text, sup? }`: axes draw `sup` as a raised, smaller <tspan>
 * (dy shift, which renders the same in the page, in exported SVG and in PNG);
 * `labelText` gives the same label as plain text with Unicode superscript
 * digits, for tooltips, tables and aria-labels.
 */

import { ticks } from 'd3-array';

export type Quantity = 'count' | 'flops' | 'decimal';
export type Variable = 'N' | 'D' | 'C' | 'loss';

export interface TickLabel {
  text: string;
  /** Exponent shown as a superscript after `text` (e.g. "21" for 10^21). */
  sup?: string;
}

export const quantityOf = (v: Variable): Quantity => (v === 'C' ? 'flops' : v === 'loss' ? 'decimal' : 'count');

const SUPERSCRIPT: Record<string, string> = {
  0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '-': '⁻', '−': '⁻', '+': '⁺',
};

/** "21" → "²¹", "−3" → "⁻³". */
export const superscript = (s: string): string => Array.from(s, (c) => SUPERSCRIPT[c] ?? c).join('');

/** A label as one plain string: "10²¹", "3×10²¹", "1B". */
export const labelText = (l: TickLabel): string => l.text + (l.sup ? superscript(l.sup) : '');

/** `x` rounded to `digits` significant digits, as the shortest decimal (trailing zeros dropped). */
const sig = (x: number, digits: number): string => String(Number(x.toPrecision(digits)));

/** 10^k exactly, for integer k (`10 ** k` is inexact for some negative k). */
export const pow10 = (k: number): number => Number(`1e${k}`);

/** x as m×10^k with m rounded to `digits` significant digits; "10^k" alone when m is 1. */
export function formatPower(x: number, digits = 3): TickLabel {
  if (x === 0) return { text: '0' };
  const sign = x < 0 ? '−' : '';
  const a = Math.abs(x);
  let k = Math.floor(Math.log10(a));
  let m = Number((a / pow10(k)).toPrecision(digits));
  if (m >= 10) (m /= 10, k += 1);
  const exponent = k < 0 ? `−${-k}` : String(k);
  return m === 1 ? { text: `${sign}10`, sup: exponent } : { text: `${sign}${sig(m, digits)}×10`, sup: exponent };
}

const SI: readonly [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];

/** Counts with SI suffixes: 1e9 → "1B", 2.5e10 → "25B", 1e12 → "1T"; ≥ 10¹⁵ as a power of ten. */
export function formatCount(x: number, digits = 3): TickLabel {
  const r = Number(x.toPrecision(digits));
  const a = Math.abs(r);
  if (a >= 1e15) return formatPower(x, digits);
  for (const [unit, suffix] of SI) if (a >= unit) return { text: `${sig(r / unit, digits)}${suffix}` };
  if (a !== 0 && a < 1e-3) return formatPower(x, digits);
  return { text: sig(r, digits) };
}

/** FLOPs: always as a power of ten (10²¹, 3×10²¹). */
export const formatFlops = (x: number, digits = 3): TickLabel => formatPower(x, digits);

/**
 * `x` with `places` decimals, exactly as d3-format's `.{places}f` writes it: a true minus
 * sign (U+2212), none on a value that rounds to zero, places clamped to 0…20.
 * (Our own two lines instead of d3-format's locale machinery: ~2 KB gzip of the bundle.)
 */
export function fixed(x: number, places: number): string {
  if (Number.isNaN(x)) return 'NaN';
  const digits = Math.abs(x).toFixed(Math.max(0, Math.min(20, places)));
  return (x < 0 || 1 / x < 0) && +digits !== 0 ? `−${digits}` : digits;
}

/** The decimal places a tick step needs, as d3-format's precisionFixed: 0.25 → 1, 0.05 → 2, 20 → 0. */
export function placesFor(step: number): number {
  const e = Math.abs(step).toExponential();
  return Math.max(0, -Number(e.slice(e.indexOf('e') + 1)));
}

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
