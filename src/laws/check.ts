/** Checks of a law's parameters, each failure an OptionError naming the parameter (`law.params.alphaD`), worded by key. */

import { optionError, type ErrorKey, type ErrorValues } from '../i18n/error-words/planning.js';

export const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The message keys whose words name just the option and the value given (`{option}`, `{got}`). */
export type NeedKey = {
  [K in ErrorKey]: keyof ErrorValues<K> extends 'option' | 'got' ? ('option' | 'got' extends keyof ErrorValues<K> ? K : never) : never;
}[ErrorKey];

/** Throws an OptionError naming `option`, worded by `key` with the value given, unless `ok`. */
export function need(ok: boolean, option: string, key: NeedKey, value: unknown): void {
  if (!ok) throw optionError(option, key, { option, got: String(value) });
}

/** Keys of `params` that must be positive, ≥ 0 or merely finite. */
export function checkKeys(params: object, option: string, positive: readonly string[], nonNegative: readonly string[] = [], anyFinite: readonly string[] = []): void {
  const p = params as Record<string, unknown>;
  for (const k of positive) need(finite(p[k]) && p[k] > 0, `${option}.${k}`, 'option-not-positive', p[k]);
  for (const k of nonNegative) need(finite(p[k]) && p[k] >= 0, `${option}.${k}`, 'option-negative', p[k]);
  for (const k of anyFinite) need(finite(p[k]), `${option}.${k}`, 'option-not-finite', p[k]);
}
