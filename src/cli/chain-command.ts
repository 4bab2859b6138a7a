/**
 * `scaling-kit chain FILE`: compute → loss → benchmark score, through a loss
 * law and a task law fitted on the same runs (src/core/chain.ts): at given
 * points with joint bootstrap intervals (src/core/chain-bootstrap.ts), or as
 * a chained backtest of the largest runs (src/core/chain-backtest.ts).
 */

import { fit } from '../core/fit.js';
import { predictChain, type ChainPoint } from '../core/chain.js';
import { bootstrapChain, type ChainStepOptions } from '../core/chain-bootstrap.js';
import { backtestChain } from '../core/chain-backtest.js';
import { BOOTSTRAP_DEFAULTS } from '../core/bootstrap-options.js';
import { resolveFitOptions } from '../core/fit-options.js';
import { formatLaw } from '../core/law-text.js';
import { LIMITS, formatCount, quote } from '../core/limits.js';
import type { Interval } from '../core/bootstrap.js';
import { ofEstimate, type Diagnostic } from '../core/diagnostic-codes.js';
import type { FitResult } from '../core/fit-result.js';
import type { LossLaw, TaskLaw } from '../core/forms-eval.js';
import { ENGINE_NAMES, paramCount } from '../engine/types.js';
import { LOSS_IDS, type FormName, type LossName } from '../laws/names.js';
import { parseNumber } from '../format/parse-number.js';
import { RESAMPLE_RNGS } from '../stats/resample.js';
import { parse, numberOption, choiceOption, jsonOption, UsageError } from './args.js';
import { INPUT_FLAGS, INPUT_FLAGS_USAGE, INPUT_LIMITS_NOTE, inputLimits, readRunsFrom } from './input.js';
import { columnsOption } from './columns-flag.js';
import { columnsLine, count, labelledDiagnostics, lossWords, sig } from './format.js';
import { resultJson } from './json.js';
import type { CommandOutput } from './run.js';

/** Loss laws of N and D: a chain point is (N, D) or a budget C split between them. */
const LOSS_FORMS = ['chinchilla', 'kaplan', 'overtrained', 'data-constrained'] as const;
const TASK_FORMS = ['task-exp', 'task-sigmoid'] as const;
const DEFAULT_RESAMPLES = 1000;

export const CHAIN_USAGE = `scaling-kit chain FILE --task-form task-exp|task-sigmoid
                (--at N=7e9,D=1.4e11 | --at C=1e23 ... | --holdout-largest K | --holdout-above C)
                [--form chinchilla|kaplan|overtrained|data-constrained] [--base JSON] [--loss L] [--task-loss L]
                [--strategy fast|exact] [--engine auto|relaxed-simd|simd|scalar|js] [--workers N]
                [--resamples ${DEFAULT_RESAMPLES}] [--seed 42] [--rng numpy|default] [--level 0.95] [--drop-highest K] [--json]
                ${INPUT_FLAGS_USAGE}
  Predicts a benchmark score from compute in two steps fitted on the same runs: the loss law (--form,
  default Chinchilla; --loss) gives the loss at each --at point, and the task law (--task-form; --task-loss,
  default squared-raw) turns that loss into the score in the metric column (metric= in --columns, or a
  column named metric, accuracy, acc, error, err or score). An --at point is N and D (U too for
  data-constrained), or C alone, spent compute-optimally under the loss law (C = 6ND); at most
  ${LIMITS.points} points. One bootstrap resamples the runs and refits both laws on each resample, so the
  intervals carry both steps' uncertainty. --resamples is at most ${formatCount(LIMITS.resamples)} (a fixed limit);
  0 prints the chain of the two fits of all runs alone.
  With --holdout-largest K or --holdout-above C instead of --at, fits both laws on the other runs and
  predicts each held-out run's score from its N and D alone (never its observed loss), as backtest does.
  What each step's fit and bootstrap say of themselves goes to stderr ("warning: loss law: …", then
  "… task law: …"); --json prints the same bytes for the same input.
  Example: scaling-kit chain runs.csv --columns loss=c4_loss,metric=err --task-form task-exp --at N=7e9,D=1.4e11
${INPUT_LIMITS_NOTE}`;

const fitWords = (r: FitResult<FormName>) => `${r.form}, ${lossWords(r.loss, r.delta)}`;

const AT_KEYS = ['N', 'D', 'C', 'U'] as const;
type AtKey = (typeof AT_KEYS)[number];

/** One --at value, "N=7e9,D=1.4e11" or "C=1e23", as a chain point; a UsageError naming what is wrong. */
function parsePoint(raw: string, form: FormName): ChainPoint {
  const fail = (why: string) => new UsageError(`option --at: ${why}, got ${quote(raw)}`);
  const point: Partial<Record<AtKey, number>> = {};
  for (const part of raw.split(',')) {
    const at = part.indexOf('=');
    if (at < 0) throw fail(`expected KEY=VALUE pairs (keys ${AT_KEYS.join(', ')})`);
    const key = part.slice(0, at).trim(), text = part.slice(at + 1).trim();
    if (!(AT_KEYS as readonly string[]).includes(key)) throw fail(`unknown key ${quote(key)}, expected one of ${AT_KEYS.join(', ')}`);
    if (point[key as AtKey] !== undefined) throw fail(`${key} given twice`);
    if (text === '') throw fail(`${key} has no value`);
    const x = parseNumber(text);
    if (!(Number.isFinite(x) && x > 0)) throw fail(`${key} must be a positive number`);
    point[key as AtKey] = x;
  }
  const { N, D, C, U } = point;
  if (C !== undefined && (N !== undefined || D !== undefined || U !== undefined)) throw fail('give N and D, or C alone');
  if (C === undefined && (N === undefined || D === undefined)) throw fail('a point needs both N and D, or C alone');
  if (U !== undefined && form !== 'data-constrained') throw fail('U is read only by --form data-constrained');
  if (form === 'data-constrained' && U === undefined) throw fail('--form data-constrained needs N, D and U at each point');
  return point;
}

/**
 * Both steps' diagnostics for stderr, one line each, the step named after the
 * severity ("warning: loss law: …"); a line both steps say (how the runs were
 * read: they are read once) is said once, unlabelled.
 */
function bothDiagnostics(loss: readonly Diagnostic[], task: readonly Diagnostic[], lossForm: string, taskForm: string): string {
  return labelledDiagnostics({ label: 'loss law', list: loss, form: lossForm }, { label: 'task law', list: task, form: taskForm });
}

/** A step's diagnostics in a bootstrap: what its fit of all runs said (so marked), then what the bootstrap said. */
const stepDiagnostics = (fitted: FitResult<FormName>, boot: readonly Diagnostic[]) => [...fitted.diagnostics.map(ofEstimate), ...boot];

export async function chainCommand(argv: string[]): Promise<CommandOutput> {
  const { values, positionals } = parse(argv, {
    form: { type: 'string' }, base: { type: 'string' }, loss: { type: 'string' }, 'task-form': { type: 'string' }, 'task-loss': { type: 'string' },
    strategy: { type: 'string' }, engine: { type: 'string' }, workers: { type: 'string' },
    at: { type: 'string', multiple: true }, resamples: { type: 'string' }, seed: { type: 'string' }, rng: { type: 'string' }, level: { type: 'string' },
    'holdout-largest': { type: 'string' }, 'holdout-above': { type: 'string' }, 'drop-highest': { type: 'string' },
    json: { type: 'boolean' }, ...INPUT_FLAGS,
  }, 1);
  if (positionals[0] === undefined) throw new UsageError('chain needs a FILE of runs (CSV or JSON, - for stdin)');
  const whole = (x: number) => Number.isInteger(x) && x >= 0;
  // Every flag is checked, and the counts against their limits, before the file is read or anything fitted.
  const taskForm = choiceOption(values, 'task-form', TASK_FORMS);
  if (taskForm === undefined) throw new UsageError('chain needs --task-form task-exp or task-sigmoid (the law from loss to score)');
  const form = choiceOption(values, 'form', LOSS_FORMS) ?? 'chinchilla';
  const base = jsonOption(values, 'base');
  if (form === 'data-constrained' && base === undefined) throw new UsageError('--form data-constrained needs --base JSON (the base law { A, B, E, alpha, beta })');
  if (form !== 'data-constrained' && base !== undefined) throw new UsageError('option --base: read only by --form data-constrained');
  const shared: ChainStepOptions = {
    strategy: choiceOption(values, 'strategy', ['fast', 'exact'] as const),
    engine: choiceOption(values, 'engine', [...ENGINE_NAMES, 'auto'] as const),
    workers: numberOption(values, 'workers', whole, 'a whole number ≥ 0'),
  };
  const lossFit: ChainStepOptions = { ...shared, form, base, loss: choiceOption(values, 'loss', Object.keys(LOSS_IDS) as LossName[]) };
  const taskFit: ChainStepOptions = { ...shared, form: taskForm, loss: choiceOption(values, 'task-loss', Object.keys(LOSS_IDS) as LossName[]) };
  // The fit's own checks of each step's options (e.g. --base), still before the file is read.
  const minRuns = Math.max(paramCount(resolveFitOptions(lossFit).spec), paramCount(resolveFitOptions(taskFit).spec));

  const rawAt = (values.at as string[] | undefined) ?? [];
  if (rawAt.length > LIMITS.points) throw new UsageError(`option --at: at most ${LIMITS.points} points (a fixed limit), got ${formatCount(rawAt.length)}`);
  const at = rawAt.map((raw) => parsePoint(raw, form));
  const holdoutAbove = numberOption(values, 'holdout-above', (x) => x > 0, 'a positive number of FLOPs');
  const holdoutLargest = numberOption(values, 'holdout-largest', (x) => Number.isInteger(x) && x >= 1, 'a whole number ≥ 1');
  const holdout = holdoutAbove !== undefined || holdoutLargest !== undefined;
  if (holdoutAbove !== undefined && holdoutLargest !== undefined) throw new UsageError('give one of --holdout-above C and --holdout-largest K, not both');
  if (at.length > 0 && holdout) throw new UsageError('give --at points or a holdout (--holdout-largest, --holdout-above), not both');
  if (at.length === 0 && !holdout) throw new UsageError('chain needs --at points to predict at, or --holdout-largest K / --holdout-above C to backtest');
  const boot = {
    resamples: numberOption(values, 'resamples', (x) => whole(x) && x <= LIMITS.resamples, `a whole number from 0 to ${formatCount(LIMITS.resamples)} (a fixed limit)`),
    seed: numberOption(values, 'seed', (x) => whole(x) && x < 2 ** 32, 'a whole number below 2^32'),
    rng: choiceOption(values, 'rng', RESAMPLE_RNGS),
    level: numberOption(values, 'level', (x) => x > 0 && x < 1, 'a number between 0 and 1'),
  };
  if (holdout) {
    const given = (['resamples', 'seed', 'rng', 'level'] as const).find((k) => boot[k] !== undefined);
    if (given) throw new UsageError(`option --${given}: the chained backtest does not resample; use it with --at`);
  }
  const dropHighest = numberOption(values, 'drop-highest', whole, 'a whole number ≥ 0');
  const named = columnsOption(values);
  const limits = inputLimits(values);

  // The runs are read once, here, for both steps: the two fits pair run for run.
  const runs = readRunsFrom(positionals[0], limits, { ...named, dropHighest, minRuns });
  if (holdout) return backtestOutput(await backtestChain(runs, { holdoutAbove, holdoutLargest, lossFit, taskFit }), values.json === true);

  const resamples = boot.resamples ?? DEFAULT_RESAMPLES;
  if (resamples === 0) {
    const l = await fit<FormName>(runs, lossFit), t = await fit<FormName>(runs, taskFit);
    const predictions = predictChain(l.law as LossLaw, t.law as TaskLaw, at);
    const stderr = bothDiagnostics(l.diagnostics, t.diagnostics, l.form, t.form);
    if (values.json) {
      return { stdout: resultJson({ columns: runs.columns, runs: l.runs, lossLaw: l.law, taskLaw: t.law, resamples: 0, failed: 0, predictions, diagnostics: { loss: l.diagnostics, task: t.diagnostics } }, false), stderr };
    }
    const lines = predictions.map((p) => `  ${where(p)}  loss ${sig(p.loss, 5).padStart(7)}  metric ${sig(p.metric, 5).padStart(7)}`);
    return { stdout: [header(l, t, runs.columns, 'no bootstrap (--resamples 0)'), ...lines].join('\n'), stderr };
  }
  const seed = boot.seed ?? BOOTSTRAP_DEFAULTS.seed, rng = boot.rng ?? BOOTSTRAP_DEFAULTS.rng;
  const r = await bootstrapChain(runs, { lossFit, taskFit, at, resamples, seed, rng, level: boot.level });
  // bootstrapChain is handed both estimates, so its diagnostics hold none of what the fits of all runs said: added here.
  const diagnostics = { loss: stepDiagnostics(r.lossFit, r.diagnostics.loss), task: stepDiagnostics(r.taskFit, r.diagnostics.task) };
  const stderr = bothDiagnostics(diagnostics.loss, diagnostics.task, r.lossFit.form, r.taskFit.form);
  if (values.json) {
    return {
      stdout: resultJson({
        columns: runs.columns, runs: r.lossFit.runs, lossLaw: r.lossFit.law, taskLaw: r.taskFit.law,
        resamples: r.resamples, failed: r.failed, seed, rng, level: r.level, predictions: r.predictions, diagnostics,
      }, false),
      stderr,
    };
  }
  const pct = Math.round(r.level * 1000) / 10;
  const interval = (name: string, i: Interval) => `${name} ${sig(i.estimate ?? i.median, 5).padStart(7)} ${pct}% (${sig(i.lo, 5)}, ${sig(i.hi, 5)})`;
  const lines = r.predictions.map((p) => `  ${where(p)}  ${interval('loss', p.loss)}  ${interval('metric', p.metric)}`);
  const how = `${r.resamples} resamples (${rng} draws, seed ${seed}; ${r.failed} failed)`;
  return { stdout: [header(r.lossFit, r.taskFit, runs.columns, how), ...lines].join('\n'), stderr };
}

/** "N 6.889B  D 137.8B  C 5.695e+21": where a prediction was made. */
const where = (p: { N: number; D: number; C: number }) => `N ${count(p.N).padStart(6)}  D ${count(p.D).padStart(6)}  C ${p.C.toExponential(3)}`;

function header(l: FitResult<FormName>, t: FitResult<FormName>, columns: Parameters<typeof columnsLine>[0], how: string): string {
  return [
    `chained prediction compute → loss → score, both laws fitted on ${l.runs} runs; ${how}`,
    `  loss law (${fitWords(l)}): ${formatLaw(l.law)}`,
    `  task law (${fitWords(t)}): ${formatLaw(t.law)}`,
    `  columns: ${columnsLine(columns)}`,
  ].join('\n');
}

function backtestOutput(r: Awaited<ReturnType<typeof backtestChain>>, json: boolean): CommandOutput {
  const { lossFit: l, taskFit: t } = r;
  const stderr = bothDiagnostics(l.diagnostics, t.diagnostics, l.form, t.form);
  const columns = r.training.columns;
  if (json) {
    return {
      stdout: resultJson({
        columns, cutoff: r.cutoff, training: r.training.N.length, lossLaw: l.law, taskLaw: t.law,
        predictions: r.predictions, summary: r.summary, diagnostics: { loss: l.diagnostics, task: t.diagnostics },
      }, false),
      stderr,
    };
  }
  const pc = (x: number) => `${(100 * x).toFixed(2)}%`;
  const s = r.summary;
  return {
    stdout: [
      `chained backtest: fitted both laws on ${r.training.N.length} runs with C ≤ ${r.cutoff.toExponential(2)}, predicted the score of ${s.runs} held out from N and D (columns: ${columnsLine(columns)})`,
      `  loss law (${fitWords(l)}): ${formatLaw(l.law)}`,
      `  task law (${fitWords(t)}): ${formatLaw(t.law)}`,
      ...r.predictions.map((p) => `  row ${String(p.row).padStart(4)}  N ${count(p.N).padStart(6)}  D ${count(p.D).padStart(6)}  loss ${sig(p.loss, 5).padStart(7)}  chained ${sig(p.predictedLoss, 5).padStart(7)}` +
        `  metric ${sig(p.metric, 5).padStart(7)}  chained ${sig(p.predicted, 5).padStart(7)}  error ${pc(p.relativeError).padStart(7)}`),
      `  mean |error| ${pc(s.meanAbsRelativeError)}, max ${pc(s.maxAbsRelativeError)}, bias ${pc(s.meanRelativeError)}, RMSE of log metric ${sig(s.rmseLogLoss, 4)}`,
    ].join('\n'),
    stderr,
  };
}
