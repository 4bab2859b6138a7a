/**
 * Numbers as people type them, read the same way by element attributes, the
 * calculator's fields and the CLI: "5.76e23", "5.76×10^23", "5.76 × 10²³",
 * "10^24", "1.4T", "70B", "40%" (→ 0.4), "1_000_000", "1,000,000". Not hex,
 * octal or binary ("0x10" is a mistake, not 16), not Infinity, not "".
 * NaN when the text is none of these.
 */

/** SI-style suffixes: k/K thousand, M million, B/G billion, T trillion, P quadrillion. */
const SUFFIX: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9, G: 1e9, T: 1e12, P: 1e15 };
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([kKMBGTP]?)$/;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "1.4T" → 1.4e12, "5e21" → 5e21, "20" → 20: a decimal number with an optional suffix; NaN otherwise. */
export function parseQuantity(text: string): number {
  const m = QUANTITY.exec(text.trim());
  if (!m) return NaN;
  return Number(m[1]) * (m[2] ? SUFFIX[m[2]] : 1);
}

/** The full syntax above; numbers pass through; anything else is NaN. */
export function parseNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return NaN;
  let s = value.trim()
    .replace(/[⁻−]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (m) => `^${Array.from(m, (c) => (c === '⁻' || c === '−' ? '-' : SUPERSCRIPT.indexOf(c))).join('')}`)
    .replace(/−/g, '-')
    // Digit-group separators only between groups of three ("1,000,000", "1_000"), spaces only around × and ^
    // and before % or a suffix: "1 2" or "1\n2" is a mistake, not 12.
    .replace(/(\d)[_,\u00A0\u202F ](?=\d{3}(?!\d))/g, '$1')
    .replace(/\s*([×xX*^])\s*/g, '$1')
    .replace(/\s+%$/, '%');
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1);
  s = s.replace(/^(?:10)(?:\^|\*\*)/, '1e').replace(/(?:[×xX*]10)(?:\^|\*\*)?(?=[+-]?\d+$)/, 'e');
  const x = parseQuantity(s);
  return percent ? x / 100 : x;
}
