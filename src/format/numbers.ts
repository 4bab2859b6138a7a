/**
 * Numbers as people read them, written one way for the chart, the elements
 * and the CLI (three copies had drifted, so the CLI printed
 * "10.75K t CO2e, 22.4M kWh" where the page printed "10.8 kt CO₂e, 22.4 GWh"):
 *
 *   significant digits  sig(1.97396, 3) → "1.97", the shortest decimal (law text, tables, the CLI);
 *   counts              parameters, tokens, GPU-hours with K, M, B, T: 7.23e10 → "72.3B"; from 10¹⁵ (and below 10⁻³) a power of ten;
 *   powers of ten       FLOPs: 5.76e23 → "5.76×10²³", 1e21 → "10²¹";
 *   dollars             1.21e6 → "$1.21M", 808570 → "$809K";
 *   energy (from kWh)   339600 → "340 MWh", 2.24e7 → "22.4 GWh";
 *   emissions (from kg) 163008 → "163 t CO₂e", 1.0752e7 → "10.8 kt CO₂e";
 *   percentages         0.2861 → "28.6%".
 *
 * Each value is rounded to its significant digits before its unit is chosen,
 * so 999.96 reads "1K" (and 999.96 kWh "1 MWh"), never "1000". The SI
 * forms, powers and units write a negative value with a true minus sign
 * (U+2212), as the tick labels do; `sig` keeps JavaScript's "-" (its text is
 * also read back: law text, CLI output). Not-a-number and the infinities
 * read "NaN", "∞" and "−∞" (with the unit, where there is one). Powers are a
 * `{ text, sup }` label, so an SVG axis can raise the exponent; the `…Text`
 * functions give plain text with Unicode superscript digits.
 *
 * Pure: no DOM, no lit. Core, chart, elements and CLI all import it.
 */

/** The minus sign of readable numbers (U+2212). */
export const MINUS = '\u2212';

/** `digits` significant digits as the shortest decimal, trailing zeros dropped: sig(0.34731, 3) → "0.347". */
export const sig = (x: number, digits = 7): string => String(Number(x.toPrecision(digits)));

/** A number that may carry an exponent to draw raised: { text: "3×10", sup: "21" }. */
export interface NumberLabel {
  text: string;
  /** Exponent shown as a superscript after `text` (e.g. "21" for 10^21). */
  sup?: string;
}

const SUPERSCRIPT: Record<string, string> = {
  0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '-': '⁻', [MINUS]: '⁻', '+': '⁺',
};

/** "21" → "²¹", "−3" → "⁻³". */
export const superscript = (s: string): string => Array.from(s, (c) => SUPERSCRIPT[c] ?? c).join('');

/** A label as one plain string: "10²¹", "3×10²¹", "1B". */
export const labelText = (l: NumberLabel): string => l.text + (l.sup ? superscript(l.sup) : '');

/** 10^k exactly, for integer k (`10 ** k` is inexact for some negative k). */
export const pow10 = (k: number): number => Number(`1e${k}`);

/** "NaN", "∞", "−∞". */
const nonFinite = (x: number): string => (Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : `${MINUS}∞`);

/**
 * `x` with `places` decimals, exactly as d3-format's `.{places}f` writes it: a true minus
 * sign, none on a value that rounds to zero, places clamped to 0…20.
 * (Our own two lines instead of d3-format's locale machinery: ~2 KB gzip of the bundle.)
 */
export function fixed(x: number, places: number): string {
  if (Number.isNaN(x)) return 'NaN';
  const digits = Math.abs(x).toFixed(Math.max(0, Math.min(20, places)));
  return (x < 0 || 1 / x < 0) && +digits !== 0 ? `${MINUS}${digits}` : digits;
}

/** The decimal places a step needs, as d3-format's precisionFixed: 0.25 → 1, 0.05 → 2, 20 → 0. */
export function placesFor(step: number): number {
  const e = Math.abs(step).toExponential();
  return Math.max(0, -Number(e.slice(e.indexOf('e') + 1)));
}

/** x as m×10^k with m rounded to `digits` significant digits; "10^k" alone when m is 1: 9.999e21 → 10²². */
export function formatPower(x: number, digits = 3): NumberLabel {
  if (!Number.isFinite(x)) return { text: nonFinite(x) };
  if (x === 0) return { text: '0' };
  const [m, k] = Math.abs(x).toExponential(digits - 1).split('e').map(Number);
  const sign = x < 0 ? MINUS : '';
  const exponent = k < 0 ? `${MINUS}${-k}` : String(k);
  return m === 1 ? { text: `${sign}10`, sup: exponent } : { text: `${sign}${m}×10`, sup: exponent };
}

type Units = readonly (readonly [size: number, name: string])[];

/**
 * |x| rounded to `digits` significant digits, then scaled by the first unit it
 * reaches (largest first); the last unit takes what is left. No sign.
 */
function scaled(x: number, units: Units, digits: number): string {
  const a = Math.abs(Number(x.toPrecision(digits)));
  const [size, name] = units.find(([s]) => a >= s) ?? units[units.length - 1];
  return `${sig(a / size, digits)}${name}`;
}

/** The sign of a readable value: a minus unless it is NaN or rounds to zero. */
const signOf = (x: number, digits: number): string => ((Number.isFinite(x) ? Number(x.toPrecision(digits)) : x) < 0 ? MINUS : '');

/** |x| in `units` without its sign; not-a-number and infinity in the last (base) unit. */
const magnitude = (x: number, units: Units, digits: number): string =>
  Number.isFinite(x) ? scaled(x, units, digits) : `${Number.isNaN(x) ? 'NaN' : '∞'}${units[units.length - 1][1]}`;

/** `x` in `units`, with its sign. */
const inUnits = (x: number, units: Units, digits: number): string => `${signOf(x, digits)}${magnitude(x, units, digits)}`;

const COUNT: Units = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K'], [1, '']];
const ENERGY: Units = [[1e9, ' TWh'], [1e6, ' GWh'], [1e3, ' MWh'], [1, ' kWh']];
const MASS: Units = [[1e9, ' Mt'], [1e6, ' kt'], [1e3, ' t'], [1, ' kg']];

/** Counts with SI suffixes: 1e9 → "1B", 2.5e10 → "25B", 999.9e9 → "1T"; from 10¹⁵ and below 10⁻³ a power of ten. */
export function formatCount(x: number, digits = 3): NumberLabel {
  if (!Number.isFinite(x)) return { text: nonFinite(x) };
  const a = Math.abs(Number(x.toPrecision(digits)));
  if (a >= 1e15 || (a !== 0 && a < 1e-3)) return formatPower(x, digits);
  return { text: inUnits(x, COUNT, digits) };
}

/** A count as plain text: 7.23e10 → "72.3B", 3e16 → "3×10¹⁶". */
export const countText = (x: number, digits = 3): string => labelText(formatCount(x, digits));

/** A power of ten as plain text: 5.76e23 → "5.76×10²³". */
export const powerText = (x: number, digits = 3): string => labelText(formatPower(x, digits));

/** Dollars: 808570 → "$809K", 1.21e6 → "$1.21M", −5000 → "−$5K". */
export const moneyText = (dollars: number, digits = 3): string => `${signOf(dollars, digits)}$${magnitude(dollars, COUNT, digits)}`;

/** Energy from kWh: 339600 → "340 MWh", 2.24e7 → "22.4 GWh", 0.5 → "0.5 kWh". */
export const energyText = (kWh: number, digits = 3): string => inUnits(kWh, ENERGY, digits);

/** Emissions from kg of CO₂-equivalent: 163008 → "163 t CO₂e", 1.0752e7 → "10.8 kt CO₂e". */
export const emissionsText = (kg: number, digits = 3): string => `${inUnits(kg, MASS, digits)} CO₂e`;

/** A fraction as a percentage: 0.2861 → "28.6%". */
export const percentText = (fraction: number, digits = 3): string => `${sig(fraction * 100, digits)}%`;
