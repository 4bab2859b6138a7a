/**
 * Reading attribute values HTML authors write: numbers with SI suffixes
 * ("20", "1.4T", "5e21", "70B"), choices from a fixed list, JSON. Each
 * reader throws an `AttributeError` whose message names the attribute and the
 * value in plain words (in the element's language), never a silent null.
 * Properties set from code may already be numbers; those pass through.
 */

import type { CommonTranslate } from '../i18n/index.js';

/** An author mistake in an attribute or property: the message is ready to show. */
export class AttributeError extends Error {
  constructor(readonly attribute: string, message: string) {
    super(message);
    this.name = 'AttributeError';
  }
}

const SUFFIX: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9, G: 1e9, T: 1e12, P: 1e15 };
const NUMBER = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([kKMBGTP]?)$/;

/** "1.4T" → 1.4e12, "5e21" → 5e21, "20" → 20; NaN when not a number. */
export function parseQuantity(text: string): number {
  const m = NUMBER.exec(text.trim());
  if (!m) return NaN;
  return Number(m[1]) * (m[2] ? SUFFIX[m[2]] : 1);
}

/** A positive finite number from an attribute/property value, or undefined when not given. */
export function positiveAttr(value: unknown, attr: string, t: CommonTranslate): number | undefined {
  if (value === undefined || value === null) return undefined;
  const x = typeof value === 'number' ? value : typeof value === 'string' ? parseQuantity(value) : NaN;
  if (!(Number.isFinite(x) && x > 0)) throw new AttributeError(attr, t('errBadNumber', { attr, value: String(value) }));
  return x;
}

/** One of `choices` (case-insensitive match, returned as written in `choices`). */
export function choiceAttr<T extends string>(value: unknown, attr: string, choices: readonly T[], fallback: T, t: CommonTranslate): T {
  if (value === undefined || value === null || value === '') return fallback;
  const found = choices.find((c) => c.toLowerCase() === String(value).trim().toLowerCase());
  if (!found) throw new AttributeError(attr, t('errBadChoice', { attr, value: String(value), list: choices.join(', ') }));
  return found;
}

/** Keeps the attribute text as is: validation happens at update time with a readable message. */
export const rawAttribute = { fromAttribute: (value: string | null): string | undefined => value ?? undefined };
