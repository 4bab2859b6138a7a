/** `scaling-kit backtest FILE`: fit the small runs, predict the big ones, report the errors. */

import { backtest } from '../core/backtest.js';
import { parse, numberOption, choiceOption, UsageError } from './args.js';
import { INPUT_FLAGS, INPUT_FLAGS_USAGE, INPUT_LIMITS_NOTE, inputLimits, readRunsFrom } from './input.js';
import { columnsLine, count, sig } from './format.js';
import { toJson } from './json.js';
import { columnsOption } from './columns-flag.js';
import { formatLaw } from '../core/law-text.js';
import { FORM_IDS, LOSS_IDS, type FormName, type LossName } from '../laws/names.js';

export const BACKTEST_USAGE = `scaling-kit backtest FILE (--holdout-above C | --holdout-largest K) [--form FORM] [--loss huber|squared|squared-raw|asymmetric|squared-log1p]
                [--strategy fast|exact] [--drop-highest K] [--json]
                ${INPUT_FLAGS_USAGE}
  Fits the law (default Chinchilla) to the runs below a compute cutoff (or all but the K largest) and reports
  each held-out run's relative prediction error: can small runs predict the big one?
  Examples: scaling-kit backtest runs.csv --holdout-above 1e21
            scaling-kit backtest runs.csv --holdout-largest 5 --form chinchilla --loss squared
${INPUT_LIMITS_NOTE}`;

export async function backtestCommand(argv: string[]): Promise<string> {
  const { values, positionals } = parse(argv, {
    'holdout-above': { type: 'string' }, 'holdout-largest': { type: 'string' }, form: { type: 'string' }, loss: { type: 'string' },
    strategy: { type: 'string' }, 'drop-highest': { type: 'string' }, json: { type: 'boolean' }, ...INPUT_FLAGS,
  }, 1);
  if (positionals[0] === undefined) throw new UsageError('backtest needs a FILE of runs (CSV or JSON, - for stdin)');
  const holdoutAbove = numberOption(values, 'holdout-above', (x) => x > 0, 'a positive number of FLOPs');
  const holdoutLargest = numberOption(values, 'holdout-largest', (x) => Number.isInteger(x) && x >= 1, 'a whole number ≥ 1');
  if ((holdoutAbove === undefined) === (holdoutLargest === undefined)) throw new UsageError('give exactly one of --holdout-above C and --holdout-largest K');
  const dropHighest = numberOption(values, 'drop-highest', (x) => Number.isInteger(x) && x >= 0, 'a whole number ≥ 0');
  const fitOptions = {
    form: choiceOption(values, 'form', Object.keys(FORM_IDS) as FormName[]),
    loss: choiceOption(values, 'loss', Object.keys(LOSS_IDS) as LossName[]),
    strategy: choiceOption(values, 'strategy', ['fast', 'exact'] as const),
  };
  // Flags first, then the file (within --max-rows and --max-bytes).
  const named = columnsOption(values);
  const runs = readRunsFrom(positionals[0], inputLimits(values), { dropHighest, ...named });
  const r = await backtest(runs, { holdoutAbove, holdoutLargest, fitOptions });
  if (values.json) return toJson({ columns: runs.columns, cutoff: r.cutoff, training: r.training.N.length, predictions: r.predictions, summary: r.summary, fit: r.fit });
  const pc = (x: number) => `${(100 * x).toFixed(2)}%`;
  return [
    `backtest: fitted ${r.training.N.length} runs with C ≤ ${r.cutoff.toExponential(2)}, predicted ${r.summary.runs} held out (columns: ${columnsLine(runs.columns)})`,
    `  ${formatLaw(r.fit.law)}`,
    ...r.predictions.map((p) => `  row ${String(p.row).padStart(4)}  N ${count(p.N).padStart(6)}  D ${count(p.D).padStart(6)}  loss ${sig(p.loss, 5).padStart(7)}${p.metric === undefined ? '' : `  metric ${sig(p.metric, 5).padStart(7)}`}  predicted ${sig(p.predicted, 5).padStart(7)}  error ${pc(p.relativeError).padStart(7)}`),
    `  mean |error| ${pc(r.summary.meanAbsRelativeError)}, max ${pc(r.summary.maxAbsRelativeError)}, bias ${pc(r.summary.meanRelativeError)}, RMSE of log ${r.predictions[0]?.metric === undefined ? 'loss' : 'metric'} ${sig(r.summary.rmseLogLoss, 4)}`,
  ].join('\n');
}
