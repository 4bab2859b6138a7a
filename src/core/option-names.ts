/**
 * Options objects are checked for names the function does not know: a
 * misspelled `stratgy` would otherwise run the default silently.
 */

import { optionError } from '../i18n/error-words/names.js';

/** Edit distance (insertions, deletions, substitutions, adjacent swaps), for "did you mean". */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known name closest to `name`, if it is close enough to be a likely typo. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase().slice(0, 64);
  let best: string | undefined, bestDistance = Infinity;
  for (const k of known) {
    const dist = distance(lower, k.toLowerCase());
    if (dist < bestDistance) [best, bestDistance] = [k, dist];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/**
 * Throws an OptionError naming the first key of `options` that is not in
 * `known`. `within` names the option that holds these (e.g. "fitOptions"): the
 * error then names `fitOptions.stratgy` and suggests `fitOptions.strategy`.
 */
export function checkOptionNames(options: object, known: readonly string[], within?: string): void {
  const path = (k: string) => (within ? `${within}.${k}` : k);
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
    const guess = closestName(key, known);
    throw guess
      ? optionError(path(key), 'unknown-option-guess', { option: path(shown), guess: path(guess) })
      : optionError(path(key), 'unknown-option', { option: path(shown), known: known.map(path).join(', ') });
  }
}

/**
 * A compile-time check that a list of option names is complete: it compiles
 * only when `Missing`, the keys of an options interface not in the list, is
 * empty, and otherwise names them in the error. Beside each interface:
 * `type _Listed = NoneMissing<Exclude<keyof XOptions, (typeof X_OPTION_NAMES)[number]>>;`
 */
export type NoneMissing<Missing extends never> = Missing;
