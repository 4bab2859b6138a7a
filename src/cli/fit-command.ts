/** `scaling-kit fit [FILE]`: fit the Chinchilla law to runs in a CSV or JSON file (or the demo set). */

import { readFileSync } from 'node:fs';
import { fit, type FitResult } from '../core/fit.js';
import { STRATEGIES } from '../core/fit-options.js';
import { ENGINE_NAMES } from '../engine/select.js';
import { demoRuns } from '../data/demo.js';
import { parse, numberOption, choiceOption, UsageError } from './args.js';
import { formatFit } from './format.js';

export const FIT_USAGE = `scaling-kit fit [FILE|-] [--form chinchilla] [--loss huber|squared] [--delta 1e-3]
                [--drop-highest K] [--strategy exact] [--engine auto|relaxed-simd|simd|scalar|js]
                [--workers N] [--json]
  Fits L(N, D) = E + A/N^alpha + B/D^beta to the runs in FILE (CSV or JSON; - reads stdin).
  Without FILE it fits the embedded demo dataset.`;

export async function fitCommand(argv: string[]): Promise<string> {
  const { values, positionals } = parse(argv, {
    form: { type: 'string' },
    loss: { type: 'string' },
    delta: { type: 'string' },
    'drop-highest': { type: 'string' },
    strategy: { type: 'string' },
    engine: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean' },
  }, 1);
  const options = {
    form: choiceOption(values, 'form', ['chinchilla'] as const),
    loss: choiceOption(values, 'loss', ['huber', 'squared'] as const),
    delta: numberOption(values, 'delta', (x) => x > 0, 'a positive number'),
    dropHighest: numberOption(values, 'drop-highest', (x) => Number.isInteger(x) && x >= 0, 'a whole number ≥ 0'),
    strategy: choiceOption(values, 'strategy', STRATEGIES),
    engine: choiceOption(values, 'engine', [...ENGINE_NAMES, 'auto'] as const),
    workers: numberOption(values, 'workers', (x) => Number.isInteger(x) && x >= 0, 'a whole number ≥ 0'),
  };
  const file = positionals[0];
  const input = file === undefined ? demoRuns() : readInput(file);
  const result: FitResult = await fit(input, options);
  return values.json ? JSON.stringify(result) : formatFit(result);
}

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new UsageError(`cannot read ${file === '-' ? 'standard input' : `"${file}"`}: ${why}`);
  }
}
