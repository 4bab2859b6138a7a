/**
 * Reading attribute values HTML authors write: numbers with SI suffixes or
 * powers of ten ("20", "1.4T", "5e21", "5.76×10^23"), choices from a fixed list, JSON. Each
 * reader throws an `AttributeError` whose message names the attribute and the
 * value in plain words (in the element's language), never a silent null.
 * Properties set from code may already be numbers; those pass through.
 */

import type { CommonTranslate } from '../i18n/index.js';
import { clampSize, FRAME_DEFAULTS } from '../chart/frame.js';
import { isolate } from '../chart/isolate.js';
import { parseNumber } from '../format/parse-number.js';

/** An author mistake in an attribute or property: the message is ready to show. */
export class AttributeError extends Error {
  constructor(readonly attribute: string, message: string) {
    super(message);
    this.name = 'AttributeError';
  }
}

/** Attributes read numbers as the calculator and the CLI do ("1.4T", "5.76×10^23", "40%"; src/format/parse-number.ts). */
export { parseNumber as parseQuantity };

/** A positive finite number from an attribute/property value, or undefined when not given. */
export function positiveAttr(value: unknown, attr: string, t: CommonTranslate): number | undefined {
  if (value === undefined || value === null) return undefined;
  const x = parseNumber(value);
  if (!(Number.isFinite(x) && x > 0)) throw new AttributeError(attr, t('errBadNumber', { attr, value: isolate(String(value)) }));
  return x;
}

/**
 * An axis range, "low high" (or "low, high"): two positive numbers, low first,
 * as every element writes its ranges (`x-range`, `n-range`, `d-range`);
 * `fallback` when not given.
 */
export function rangeAttr(value: string | readonly number[] | undefined, attr: string, fallback: [number, number], t: CommonTranslate): [number, number] {
  if (value === undefined || value === '') return fallback;
  const parts = typeof value === 'string' ? value.split(/[\s;]+|,\s+|,(?!\d{3}(?!\d))/).filter(Boolean).map(parseNumber) : [...value];
  if (parts.length !== 2 || !parts.every((x) => Number.isFinite(x) && x > 0) || !(parts[0] < parts[1])) {
    throw new AttributeError(attr, t('errAxisRange', { attr, value: isolate(String(value)) }));
  }
  return [parts[0], parts[1]];
}

/** One of `choices` (case-insensitive match, returned as written in `choices`). */
export function choiceAttr<T extends string>(value: unknown, attr: string, choices: readonly T[], fallback: T, t: CommonTranslate): T {
  if (value === undefined || value === null || value === '') return fallback;
  const found = choices.find((c) => c.toLowerCase() === String(value).trim().toLowerCase());
  if (!found) throw new AttributeError(attr, t('errBadChoice', { attr, value: isolate(String(value)), list: choices.join(', ') }));
  return found;
}

/**
 * A chart height from a `height` attribute/property, in CSS pixels clamped to
 * 180…4000 (FRAME_DEFAULTS): height="1e6" drew for 20 s and "99999999" made a
 * 33-million-pixel element. Undefined when absent or not a positive number
 * (the element then derives its height), as before.
 */
export function heightAttr(value: unknown): number | undefined {
  const h = Number(value);
  return Number.isFinite(h) && h > 0 ? clampSize(h, FRAME_DEFAULTS.minHeight, FRAME_DEFAULTS.maxHeight) : undefined;
}

/** The width to draw at from the host's measured width: clamped to 240…4000 CSS pixels (FRAME_DEFAULTS), 640 before layout. */
export function chartWidth(measured: number): number {
  return clampSize(measured || 640, FRAME_DEFAULTS.minWidth, FRAME_DEFAULTS.maxWidth);
}

/** Keeps the attribute text as is: validation happens at update time with a readable message. */
export const rawAttribute = { fromAttribute: (value: string | null): string | undefined => value ?? undefined };
