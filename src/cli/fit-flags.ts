/**
 * The flags that shape a fit, shared by `scaling-kit fit` and `scaling-kit
 * bootstrap` (a bootstrap refits exactly the fit these flags describe): their
 * parseArgs spec, their usage text, and `fitOptionsFromFlags`, which checks
 * each value and turns them into `FitOptions`.
 */

import type { FitOptions } from '../core/fit-options.js';
import { STRATEGIES, resolveFitOptions } from '../core/fit-options.js';
import type { Runs } from '../core/runs-types.js';
import { ENGINE_NAMES, paramCount } from '../engine/types.js';
import { FORM_IDS, LOSS_IDS, VARIABLE_IDS, type FormName, type LossName, type Variable } from '../laws/names.js';
import { numberOption, choiceOption, jsonOption, type OptionSpec } from './args.js';
import { readRunsFrom, type InputLimits } from './input.js';
import { columnsOption, mergeColumnFlags } from './columns-flag.js';

/** parseArgs options of the fit flags (every one a string value). */
export const FIT_FLAGS = {
  form: { type: 'string' }, loss: { type: 'string' }, delta: { type: 'string' }, scale: { type: 'string' }, asymmetry: { type: 'string' },
  variable: { type: 'string' }, breaks: { type: 'string' }, tie: { type: 'string' }, base: { type: 'string' }, unique: { type: 'string' },
  weights: { type: 'string' }, 'drop-highest': { type: 'string' }, strategy: { type: 'string' },
  engine: { type: 'string' }, workers: { type: 'string' },
} as const satisfies OptionSpec;

/** The fit flags as a usage line, indented to follow a command's first line. */
export const FIT_FLAGS_USAGE = `[--form chinchilla|kaplan|power|saturating|data-constrained|overtrained|broken|task-exp|task-sigmoid]
                [--loss huber|squared|squared-raw|asymmetric|squared-log1p] [--delta 1e-3] [--scale fixed|free] [--asymmetry 10]
                [--variable N|D|C] [--breaks 1] [--tie alpha=beta] [--base JSON] [--unique COLUMN] [--weights COLUMN]
                [--drop-highest K] [--strategy fast|exact] [--engine auto|relaxed-simd|simd|scalar|js]
                [--workers N]`;

/** `FitOptions` from parsed fit flags; absent flags stay undefined (the fit's defaults). Throws a UsageError naming a bad flag. */
export function fitOptionsFromFlags(values: Record<string, unknown>): FitOptions {
  const whole = (x: number) => Number.isInteger(x) && x >= 0;
  const named = mergeColumnFlags(columnsOption(values), values.weights as string | undefined, values.unique as string | undefined);
  return {
    columns: named.columns,
    form: choiceOption(values, 'form', Object.keys(FORM_IDS) as FormName[]),
    loss: choiceOption(values, 'loss', Object.keys(LOSS_IDS) as LossName[]),
    delta: numberOption(values, 'delta', (x) => x > 0, 'a positive number'),
    // Only when given: bootstrap refits take no scale option (Epoch refit the plain Huber objective).
    ...(values.scale !== undefined && { scale: choiceOption(values, 'scale', ['fixed', 'free'] as const) }),
    asymmetry: numberOption(values, 'asymmetry', (x) => x > 0, 'a positive number'),
    variable: choiceOption(values, 'variable', Object.keys(VARIABLE_IDS) as Variable[]),
    breaks: numberOption(values, 'breaks', (x) => whole(x) && x >= 1, 'a whole number ≥ 1'),
    tie: values.tie as string | undefined,
    base: jsonOption(values, 'base'),
    unique: named.unique,
    weights: named.weights,
    metric: named.metric,
    dropHighest: numberOption(values, 'drop-highest', whole, 'a whole number ≥ 0'),
    strategy: choiceOption(values, 'strategy', STRATEGIES),
    engine: choiceOption(values, 'engine', [...ENGINE_NAMES, 'auto'] as const),
    workers: numberOption(values, 'workers', whole, 'a whole number ≥ 0'),
  };
}

/**
 * The runs in FILE exactly as `fit` would read them with these options (its
 * column, outlier, weight, unique-token and metric options, and at least as many runs
 * as the form has parameters), but within the command's input limits; and the
 * options left for `fit` and `bootstrap`, the reading done. The options are
 * checked first, as `fit` checks them, so a bad flag is reported before a
 * large file is read.
 */
export function runsForFit(file: string, options: FitOptions, limits: InputLimits): { runs: Runs; options: FitOptions } {
  const { spec } = resolveFitOptions(options);
  const { columns, dropHighest, weights, unique, metric, ...rest } = options;
  const runs = readRunsFrom(file, limits, { columns, dropHighest, weights, unique, metric, minRuns: paramCount(spec) });
  return { runs, options: rest };
}
