/**
 * Command-line parsing on node:util's parseArgs, with numbers checked and
 * every mistake turned into a UsageError: one line, exit code 2.
 */

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { clip, quote } from '../core/limits.js';
import { closestName } from '../core/option-names.js';
import { parseNumber } from '../format/parse-number.js';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** A value that looks like a negative number ("-3", "-1e5", "-.5", "-Infinity"), not a flag. */
const NEGATIVE = /^-(\d|\.\d|Infinity$)/;

/**
 * `--name -3` as `--name=-3` for options that take a value: parseArgs would
 * read "-3" as a flag and call the call ambiguous; the value's own check then
 * says in words what the option accepts.
 */
function joinNegativeValues(argv: readonly string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], next = argv[i + 1];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && NEGATIVE.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** The one-line UsageError for a parseArgs error, with "did you mean" for an unknown flag. */
function usageFrom(e: unknown, options: OptionSpec): UsageError {
  const message = String((e as Error).message);
  const unknown = (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(--?[^']+)'/.exec(message)?.[1] : undefined;
  if (unknown) {
    const name = unknown.replace(/^--?/, '').split('=')[0];
    const guess = closestName(name, Object.keys(options));
    return new UsageError(`unknown option ${quote(clip(unknown, 60))}${guess ? `; did you mean --${guess}?` : ''} (--help lists them)`);
  }
  // parseArgs explains itself in a sentence or two; the first says what is wrong (and quotes the option: cut it short).
  return new UsageError(clip(message.split(/\.\s|\n/)[0], 160));
}

export function parse(argv: string[], options: OptionSpec, maxPositionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv, options), options, strict: true, allowPositionals: true });
  } catch (e) {
    throw usageFrom(e, options);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`unexpected argument ${quote(parsed.positionals[maxPositionals])}`);
  }
  return parsed;
}

/** A number option: undefined when absent, else finite and checked. */
export function numberOption(
  values: Record<string, unknown>, name: string, check: (x: number) => boolean, expected: string,
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const x = parseNumber(raw);
  if (typeof raw !== 'string' || !Number.isFinite(x) || !check(x)) {
    throw new UsageError(`option --${name}: expected ${expected}, got ${quote(String(raw))}`);
  }
  return x;
}

/**
 * An option renamed in this release: the value under `name`, else under the
 * old name (`values` is changed so later readers see it under `name`), with a
 * note for stderr when the old name was used. Both at once is a usage error.
 */
export function renamedOption(values: Record<string, unknown>, name: string, old: string): string {
  if (values[old] === undefined) return '';
  if (values[name] !== undefined) throw new UsageError(`option --${old} is the old name of --${name}: give one of them`);
  values[name] = values[old];
  return `note: --${old} is now --${name}; --${old} is read until the next release`;
}

/** A string option restricted to some values. */
export function choiceOption<T extends string>(values: Record<string, unknown>, name: string, allowed: readonly T[]): T | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!(allowed as readonly unknown[]).includes(raw)) {
    throw new UsageError(`option --${name}: expected one of ${allowed.join(', ')}, got ${quote(String(raw))}`);
  }
  return raw as T;
}

/** A JSON option: undefined when absent, else the parsed value. */
export function jsonOption(values: Record<string, unknown>, name: string): any {
  const raw = values[name];
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(String(raw));
  } catch {
    throw new UsageError(`option --${name}: expected JSON, got ${quote(String(raw))}`);
  }
}
