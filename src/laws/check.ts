/** Checks of a law's parameters, each failure an OptionError naming the parameter (`law.params.alphaD`). */

import { OptionError } from '../errors.js';

export const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function need(ok: boolean, option: string, what: string, value: unknown): void {
  if (!ok) throw new OptionError(option, `invalid ${option}; expected ${what}: ${String(value)}`);
}

/** Keys of `params` that must be positive, ≥ 0 or merely finite. */
export function checkKeys(params: object, option: string, positive: readonly string[], nonNegative: readonly string[] = [], anyFinite: readonly string[] = []): void {
  const p = params as Record<string, unknown>;
  for (const k of positive) need(finite(p[k]) && p[k] > 0, `${option}.${k}`, 'a positive finite number', p[k]);
  for (const k of nonNegative) need(finite(p[k]) && p[k] >= 0, `${option}.${k}`, 'a finite number ≥ 0', p[k]);
  for (const k of anyFinite) need(finite(p[k]), `${option}.${k}`, 'a finite number', p[k]);
}
