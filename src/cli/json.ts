import { parseNumber } from '../format/parse-number.js';
import { formatCount, quote } from '../core/limits.js';

/** JSON for results that hold typed arrays (as arrays) and functions (left out). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v));
}

/**
 * A result as --json prints it: the same bytes for the same input, so the wall
 * time (`ms`) is left out unless `timing` (the --timing flag) asks for it.
 */
export function resultJson(result: object, timing: boolean): string {
  const { ms, ...rest } = result as { ms?: number };
  return toJson(timing ? { ...rest, ms } : rest);
}

/** "1e21,5.76e23" → [1e21, 5.76e23]; undefined when absent. More than `max` numbers is refused (a fixed limit). */
export function numberList(raw: unknown, name: string, fail: (message: string) => Error, max = Infinity): number[] | undefined {
  if (raw === undefined) return undefined;
  const parts = String(raw).split(',').map((s) => s.trim());
  if (parts.length > max) throw fail(`option --${name}: at most ${formatCount(max)} values (a fixed limit), got ${formatCount(parts.length)}`);
  const xs = parts.map(parseNumber);
  const bad = parts.findIndex((s, i) => s === '' || !Number.isFinite(xs[i]) || xs[i] <= 0);
  if (bad >= 0) throw fail(`option --${name}: expected comma-separated positive numbers, got ${quote(parts[bad])}`);
  return xs;
}
