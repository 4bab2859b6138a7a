/** `scaling-kit fit [FILE]`: fit a scaling law to runs in a CSV or JSON file (or the demo set). */

import { readFileSync } from 'node:fs';
import { fit } from '../core/fit.js';
import { STRATEGIES } from '../core/fit-options.js';
import { ENGINE_NAMES } from '../engine/select.js';
import { FORM_IDS, LOSS_IDS, VARIABLE_IDS, type FormName, type LossName, type Variable } from '../engine/types.js';
import { demoRuns } from '../data/demo.js';
import { parse, numberOption, choiceOption, jsonOption, UsageError } from './args.js';
import { formatFit } from './format.js';
import { checkOutput, writeAtomically } from './output.js';

export const FIT_USAGE = `scaling-kit fit [FILE|-] [--form chinchilla|kaplan|power|saturating|data-constrained|overtrained|broken]
                [--loss huber|squared|squared-raw|asymmetric] [--delta 1e-3] [--asymmetry 10]
                [--variable N|D|C] [--breaks 1] [--base JSON] [--unique COLUMN] [--weights COLUMN]
                [--drop-highest K] [--strategy fast|exact] [--engine auto|relaxed-simd|simd|scalar|js]
                [--workers N] [--json] [--output OUT]
  Fits a scaling law (default: L(N, D) = E + A/N^alpha + B/D^beta) to the runs in FILE
  (CSV or JSON; - reads stdin). Without FILE it fits the embedded demo dataset.
  --output OUT writes the result to OUT instead of stdout, whole or not at all.`;

export async function fitCommand(argv: string[]): Promise<string> {
  const { values, positionals } = parse(argv, {
    form: { type: 'string' }, loss: { type: 'string' }, delta: { type: 'string' }, asymmetry: { type: 'string' },
    variable: { type: 'string' }, breaks: { type: 'string' }, base: { type: 'string' }, unique: { type: 'string' },
    weights: { type: 'string' }, 'drop-highest': { type: 'string' }, strategy: { type: 'string' },
    engine: { type: 'string' }, workers: { type: 'string' }, json: { type: 'boolean' }, output: { type: 'string' },
  }, 1);
  const output = values.output as string | undefined;
  if (output !== undefined) checkOutput(output);
  const whole = (x: number) => Number.isInteger(x) && x >= 0;
  const options = {
    form: choiceOption(values, 'form', Object.keys(FORM_IDS) as FormName[]),
    loss: choiceOption(values, 'loss', Object.keys(LOSS_IDS) as LossName[]),
    delta: numberOption(values, 'delta', (x) => x > 0, 'a positive number'),
    asymmetry: numberOption(values, 'asymmetry', (x) => x > 0, 'a positive number'),
    variable: choiceOption(values, 'variable', Object.keys(VARIABLE_IDS) as Variable[]),
    breaks: numberOption(values, 'breaks', (x) => whole(x) && x >= 1, 'a whole number ≥ 1'),
    base: jsonOption(values, 'base'),
    unique: values.unique as string | undefined,
    weights: values.weights as string | undefined,
    dropHighest: numberOption(values, 'drop-highest', whole, 'a whole number ≥ 0'),
    strategy: choiceOption(values, 'strategy', STRATEGIES),
    engine: choiceOption(values, 'engine', [...ENGINE_NAMES, 'auto'] as const),
    workers: numberOption(values, 'workers', whole, 'a whole number ≥ 0'),
  };
  const file = positionals[0];
  const input = file === undefined ? demoRuns() : readInput(file);
  const result = await fit<FormName>(input, options);
  const text = values.json ? JSON.stringify(result) : formatFit(result);
  if (output === undefined) return text;
  writeAtomically(output, `${text}\n`);
  return '';
}

export function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new UsageError(`cannot read ${file === '-' ? 'standard input' : `"${file}"`}: ${why}`);
  }
}
