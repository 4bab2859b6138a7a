/**
 * What the commands that read runs (fit, bootstrap, isoflop, backtest) read:
 * FILE, or standard input for "-", taken in chunks of at most 1 MiB and given
 * up at the first byte over --max-bytes (64 MiB unless raised), so /dev/zero
 * or a pipe that never ends stops at once with one line; then the runs, with
 * at most --max-rows data rows (1,000,000 unless raised). Going over either is
 * one line naming the flag that raises it. The limits are src/core/limits.ts.
 */

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { LimitError } from '../errors.js';
import { LIMITS, clip, formatCount, quote } from '../core/limits.js';
import { readRuns, type ReadRunsOptions } from '../core/runs.js';
import type { Runs } from '../core/runs-types.js';
import { numberOption, UsageError, type OptionSpec } from './args.js';
import { COLUMNS_FLAG, COLUMNS_NOTE, COLUMNS_USAGE } from './columns-flag.js';

/** parseArgs options of the input limits. */
export const INPUT_FLAGS = {
  'max-rows': { type: 'string' }, 'max-bytes': { type: 'string' }, ...COLUMNS_FLAG,
} as const satisfies OptionSpec;

/** The input-limit flags as usage text, indented to follow a command's first line. */
export const INPUT_FLAGS_USAGE = `${COLUMNS_USAGE}
                [--max-rows ${LIMITS.maxRows}] [--max-bytes ${LIMITS.maxBytes}]`;

/** One usage line on what the limits are and that the flags raise them. */
export const INPUT_LIMITS_NOTE = `${COLUMNS_NOTE}
  FILE may hold at most ${formatCount(LIMITS.maxRows)} data rows and ${formatCount(LIMITS.maxBytes, true)}; --max-rows and --max-bytes raise the limits.`;

export interface InputLimits {
  maxRows: number;
  maxBytes: number;
}

/** The limits from --max-rows and --max-bytes, the defaults where absent. */
export function inputLimits(values: Record<string, unknown>): InputLimits {
  const count = (x: number) => Number.isInteger(x) && x >= 1;
  return {
    maxRows: numberOption(values, 'max-rows', count, 'a whole number of rows ≥ 1') ?? LIMITS.maxRows,
    maxBytes: numberOption(values, 'max-bytes', count, 'a whole number of bytes ≥ 1') ?? LIMITS.maxBytes,
  };
}

const CHUNK = 1024 * 1024;

/** Why a file could not be read, in a few words: Node's message names the path again ("…, open '<path>'"), so that part is left out. */
function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return clip(String((e as Error).message).split(/, (?:open|read|fstat) /)[0]);
}

/** Sleeps the thread briefly: standard input can be non-blocking (EAGAIN) with nothing to read yet. */
const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);

/**
 * The text of FILE ("-": standard input) as UTF-8, read in bounded chunks. A
 * UsageError when it cannot be read or holds more than `maxBytes` bytes: a
 * regular file whose size says so is refused before it is read, anything else
 * at the first chunk that goes over, so nothing larger is ever held.
 */
export function readInput(file: string, maxBytes: number = LIMITS.maxBytes): string {
  const name = file === '-' ? 'standard input' : quote(file);
  const fail = (reason: string) => new UsageError(`cannot read ${name}: ${reason}`);
  const tooLarge = () => fail(overLimitMessage('maxBytes', maxBytes));
  let fd: number;
  try {
    fd = file === '-' ? 0 : openSync(file, 'r');
  } catch (e) {
    throw fail(why(e));
  }
  try {
    let stat;
    try {
      stat = fstatSync(fd);
    } catch (e) {
      throw fail(why(e));
    }
    if (stat.isDirectory()) throw fail('is a directory');
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Ask for one byte past the limit at most: that byte is enough to know the input is over it.
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') (pause(), n = -1);
        else if (code === 'EOF') n = 0;
        else throw fail(why(e));
      }
      if (n < 0) continue;
      if (n === 0) break;
      chunks.push(n === buffer.length ? buffer : buffer.subarray(0, n));
      total += n;
      if (total > maxBytes) throw tooLarge();
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    if (file !== '-') closeSync(fd);
  }
}

/** Runs `work`, turning a LimitError of the reader into a UsageError that names the flag raising the limit. */
export function withInputLimits<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof LimitError) throw new UsageError(overLimitMessage(e.limit, e.max));
    throw e;
  }
}

/**
 * The runs in FILE within the limits; `options` are readRuns' own. The bytes
 * were counted as read, so the reader does not count them again.
 */
export function readRunsFrom(file: string, limits: InputLimits, options: Omit<ReadRunsOptions, 'maxRows' | 'maxBytes'> = {}): Runs {
  const text = readInput(file, limits.maxBytes);
  return withInputLimits(() => readRuns(text, { ...options, maxRows: limits.maxRows, maxBytes: Infinity }));
}

/** The one line for input over a size limit, naming the flag that raises it. */
export function overLimitMessage(limit: 'maxRows' | 'maxBytes', max: number): string {
  return limit === 'maxRows'
    ? `too many rows: more than ${formatCount(max)}, the limit; raise it with --max-rows`
    : `input too large: over ${formatCount(max, true)}, the limit; raise it with --max-bytes`;
}
