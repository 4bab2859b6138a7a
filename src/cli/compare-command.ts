/**
 * `scaling-kit compare`: two scaling laws as a compute multiplier, "law B is
 * worth k× compute over law A" (src/core/compare.ts), per budget and how it
 * drifts from the first budget to the last. The laws are presets or JSON files
 * (--law twice), or fitted from two files of runs (--runs twice) with
 * bootstrap intervals (src/core/compare-bootstrap.ts).
 */

import { fit } from '../core/fit.js';
import { checkBudgets, computeMultiplier, type Multiplier } from '../core/compare.js';
import { bootstrapMultiplier } from '../core/compare-bootstrap.js';
import { lossFloor, optimalAllocation } from '../core/planning.js';
import { checkLaw, type Law } from '../core/forms-eval.js';
import { BOOTSTRAP_DEFAULTS } from '../core/bootstrap-options.js';
import { resolveFitOptions, type FitOptions } from '../core/fit-options.js';
import { formatLaw } from '../core/law-text.js';
import { LIMITS, formatCount, quote } from '../core/limits.js';
import type { Interval } from '../core/bootstrap.js';
import { ofEstimate, type Diagnostic } from '../core/diagnostic-codes.js';
import type { FitResult } from '../core/fit-result.js';
import type { Runs } from '../core/runs-types.js';
import { ScalingKitError } from '../errors.js';
import { ENGINE_NAMES, paramCount } from '../engine/types.js';
import { LOSS_IDS, type FormName, type LossName } from '../laws/names.js';
import { RESAMPLE_RNGS } from '../stats/resample.js';
import { parse, numberOption, choiceOption, UsageError } from './args.js';
import { INPUT_FLAGS, INPUT_FLAGS_USAGE, INPUT_LIMITS_NOTE, inputLimits, readRunsFrom } from './input.js';
import { LAW_PRESETS, lawFromFile, lawSource, type LawSource, type Side } from './law-source.js';
import { columnsOption } from './columns-flag.js';
import { columnsLine, labelledDiagnostics, lossWords, sig } from './format.js';
import { numberList, resultJson } from './json.js';
import type { CommandOutput } from './run.js';

/** Forms fitted by --runs: the laws of N and D that planning can split a budget under without more input (data-constrained needs U). */
const FORMS = ['chinchilla', 'kaplan', 'overtrained'] as const;
const DEFAULT_RESAMPLES = 1000;
export const COMPARE_USAGE = `scaling-kit compare (--law A --law B | --runs A.csv --runs B.csv) (--flops C | --budgets C1,C2,...)
                [--resamples ${DEFAULT_RESAMPLES}] [--seed 42] [--rng numpy|default] [--level 0.95]
                [--form chinchilla|kaplan|overtrained] [--loss huber|squared|squared-raw|asymmetric|squared-log1p]
                [--strategy fast|exact] [--engine auto|relaxed-simd|simd|scalar|js] [--workers N] [--json]
                ${INPUT_FLAGS_USAGE}
  Two scaling laws as a compute multiplier: at a budget C, law B reaches its compute-optimal loss L_B*(C)
  (C = 6ND); law A needs C_A FLOPs to reach the same loss compute-optimally; k = C_A / C is what law B is
  worth in compute over law A (above 1×, B is ahead). k drifts with scale when the exponents differ, so it
  is printed for each budget, then how it moves from the first budget to the last. A loss at or below law
  A's floor is one law A never reaches (null in --json).
  --law, given twice (A, then B), is a loss-law preset (${LAW_PRESETS.join(', ')}) or a
  JSON file holding a law ({"form": "chinchilla", "params": {...}}) or the --json output of scaling-kit fit.
  --runs, given twice (A, then B), fits each file with the same options (--form, default Chinchilla; --loss,
  --strategy, --engine, --workers; --columns names the columns of both) and bootstraps the multiplier:
  each file's runs are resampled and refitted on their own (seeds S and S + 1) and replicate k's multiplier
  comes from replicate k of each. --resamples is at most ${formatCount(LIMITS.resamples)} (a fixed limit); 0 prints the multiplier of
  the two fits of all runs alone. --budgets lists at most ${LIMITS.budgets} budgets. What each fit and bootstrap say of
  themselves goes to stderr ("warning: law A: …"); --json prints the same bytes for the same input.
  Example: scaling-kit compare --law hoffmann2022-rounded --law besiroglu2024 --budgets 1e21,1e23,1e25
${INPUT_LIMITS_NOTE}`;

/** Flags that shape the fits of --runs (and how much of a file is read), and those of its bootstrap: neither means anything to --law. */
const FIT_ONLY = ['form', 'loss', 'strategy', 'engine', 'workers', 'columns', 'max-rows'] as const;
const BOOT_ONLY = ['resamples', 'seed', 'rng', 'level'] as const;

/**
 * A law checked as a law and for planning (it has a compute-optimal split and
 * a floor) before anything is computed, so the error says which law it is.
 */
function plannable(law: Law, side: Side, name: string): Law {
  try {
    checkLaw(law, 'law');
    lossFloor(law);
  } catch (e) {
    if (e instanceof ScalingKitError) throw new UsageError(`law ${side} (${name}): ${e.message}`);
    throw e;
  }
  return law;
}

/**
 * computeMultiplier; when planning fails at some budget (law B has no
 * compute-optimal split there, or law A needs more compute than the planner
 * searches), the line says which law and which budget, then the core's message.
 */
function multipliers(lawA: Law, lawB: Law, budgets: readonly number[]): Multiplier[] {
  const named = (e: unknown, where: string): unknown => (e instanceof ScalingKitError ? new UsageError(`${where}: ${e.message}`) : e);
  try {
    return computeMultiplier(lawA, lawB, budgets);
  } catch (e) {
    if (!(e instanceof ScalingKitError)) throw e;
    for (const C of budgets) {
      let loss: number;
      try {
        loss = optimalAllocation(lawB, C).loss;
      } catch (f) {
        throw named(f, `law B at C = ${budget(C)}`);
      }
      try {
        computeMultiplier(lawA, lawB, [C]);
      } catch (f) {
        throw named(f, `law A, for law B's loss ${sig(loss, 6)} at C = ${budget(C)}`);
      }
    }
    throw e;
  }
}

/** "1.284×" or, where law A cannot reach law B's loss, words. */
const times = (k: number) => `${short(k)}×`;

/** Four significant digits, with an exponent outside 1e-4 … 1e6 ("4.801e-6", "4.352e+16"). */
function short(x: number): string {
  const a = Math.abs(x);
  if (a === 0 || (a >= 1e-4 && a < 1e6)) return sig(x, 4);
  return x.toExponential(3).replace(/\.?0+e/, 'e');
}
const budget = (C: number) => C.toExponential(3);

/** One line on how the multiplier moves from the first budget to the last (as given). */
function driftLine(rows: readonly { C: number; multiplier: number }[]): string {
  const first = rows[0], last = rows[rows.length - 1];
  if (rows.length === 1) return `  one budget: give --budgets C1,C2,... to see how the multiplier drifts with scale`;
  const at = (r: { C: number }) => `C = ${budget(r.C)}`;
  const reached = (r: { multiplier: number }) => Number.isFinite(r.multiplier);
  if (!reached(first) && !reached(last)) return `  drift: law A never reaches law B's loss at the first budget (${at(first)}) nor at the last (${at(last)})`;
  if (!reached(last)) return `  drift: from ${times(first.multiplier)} at ${at(first)} to law A never reaching law B's loss at ${at(last)}`;
  if (!reached(first)) return `  drift: from law A never reaching law B's loss at ${at(first)} to ${times(last.multiplier)} at ${at(last)}`;
  const ratio = last.multiplier / first.multiplier;
  const decades = Math.abs(Math.log10(last.C / first.C));
  const across = decades === 0 ? '' : ` across ${sig(decades, 3)} decade${sig(decades, 3) === '1' ? '' : 's'} of compute`;
  if (sig(ratio, 4) === '1') return `  drift: the multiplier stays at ${times(first.multiplier)} from ${at(first)} to ${at(last)}${across}`;
  const fold = ratio > 1 ? ratio : 1 / ratio;
  return `  drift: the multiplier ${ratio > 1 ? 'rises' : 'falls'} from ${times(first.multiplier)} at ${at(first)} to ${times(last.multiplier)} at ${at(last)}, ${short(fold)}-fold${across}`;
}

/** The table of multipliers, intervals beside them when bootstrapped. */
function tableLines(rows: readonly Multiplier[], floorA: number, intervals?: readonly { loss: Interval; multiplier: Interval }[], level?: number): string[] {
  const pct = level === undefined ? '' : ` (${Math.round(level * 1000) / 10}%)`;
  const span = (i: Interval, f: (x: number) => string) => (Number.isFinite(i.lo) && Number.isFinite(i.hi) ? ` (${f(i.lo)}, ${f(i.hi)})` : ' (no interval: no replicate reached it)');
  const lossText = (r: Multiplier, j: number) => `${sig(r.loss, 5)}${intervals ? span(intervals[j].loss, (x) => sig(x, 5)) : ''}`;
  const lossWidth = rows.reduce((w, r, j) => Math.max(w, lossText(r, j).length), `B's loss${pct}`.length);
  const head = `  ${'C'.padStart(9)}   ${`B's loss${pct}`.padEnd(lossWidth)}   ${'A needs'.padEnd(9)}   multiplier${pct}`;
  return [head, ...rows.map((r, j) => {
    const k = Number.isFinite(r.multiplier)
      ? `${budget(r.computeA)}   ${times(r.multiplier)}${intervals ? span(intervals[j].multiplier, times) : ''}`
      : `law A never reaches it (its loss floor is ${sig(floorA, 5)})${intervals && Number.isFinite(intervals[j].multiplier.lo) ? `; replicates${span(intervals[j].multiplier, times)}` : ''}`;
    return `  ${budget(r.C)}   ${lossText(r, j).padEnd(lossWidth)}   ${k}`;
  })];
}

/**
 * Both fits' diagnostics for stderr, one line each, the law named after the
 * severity ("warning: law A: …"); a line both say is said once, unlabelled.
 */
function bothDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[], form: string): string {
  return labelledDiagnostics({ label: 'law A', list: a, form }, { label: 'law B', list: b, form });
}

export async function compareCommand(argv: string[]): Promise<CommandOutput> {
  const { values } = parse(argv, {
    law: { type: 'string', multiple: true }, runs: { type: 'string', multiple: true },
    flops: { type: 'string' }, budgets: { type: 'string' },
    resamples: { type: 'string' }, seed: { type: 'string' }, rng: { type: 'string' }, level: { type: 'string' },
    form: { type: 'string' }, loss: { type: 'string' }, strategy: { type: 'string' }, engine: { type: 'string' }, workers: { type: 'string' },
    json: { type: 'boolean' }, ...INPUT_FLAGS,
  }, 0);
  // Every flag is checked, and the counts against their limits, before any file is read or anything fitted.
  const laws = (values.law as string[] | undefined) ?? [], runFiles = (values.runs as string[] | undefined) ?? [];
  if (laws.length > 0 && runFiles.length > 0) throw new UsageError('give --law twice or --runs twice, not both');
  if (laws.length === 0 && runFiles.length === 0) throw new UsageError('compare needs two laws: --law A --law B (presets or JSON files) or --runs A.csv --runs B.csv (fitted)');
  const given = laws.length > 0 ? laws : runFiles, flag = laws.length > 0 ? 'law' : 'runs';
  if (given.length !== 2) throw new UsageError(`option --${flag}: give it exactly twice (law A, then law B), got ${given.length}`);
  if (given[0] === '-' && given[1] === '-') throw new UsageError(`option --${flag}: standard input (-) can be read once, not for both laws`);

  const single = numberOption(values, 'flops', (x) => x > 0, 'a positive number of FLOPs');
  const list = numberList(values.budgets, 'budgets', (m) => new UsageError(m), LIMITS.budgets);
  if ((single === undefined) === (list === undefined)) throw new UsageError('give exactly one of --flops C and --budgets C1,C2,...');
  const budgets = list ?? [single!];
  checkBudgets(budgets);

  const whole = (x: number) => Number.isInteger(x) && x >= 0;
  const boot = {
    resamples: numberOption(values, 'resamples', (x) => whole(x) && x <= LIMITS.resamples, `a whole number from 0 to ${formatCount(LIMITS.resamples)} (a fixed limit)`),
    seed: numberOption(values, 'seed', (x) => whole(x) && x < 2 ** 32, 'a whole number below 2^32'),
    rng: choiceOption(values, 'rng', RESAMPLE_RNGS),
    level: numberOption(values, 'level', (x) => x > 0 && x < 1, 'a number between 0 and 1'),
  };
  const fitOptions: FitOptions = {
    form: choiceOption(values, 'form', FORMS),
    loss: choiceOption(values, 'loss', Object.keys(LOSS_IDS) as LossName[]),
    strategy: choiceOption(values, 'strategy', ['fast', 'exact'] as const),
    engine: choiceOption(values, 'engine', [...ENGINE_NAMES, 'auto'] as const),
    workers: numberOption(values, 'workers', whole, 'a whole number ≥ 0'),
  };
  const named = columnsOption(values);
  const limits = inputLimits(values);
  const json = values.json === true;

  if (flag === 'law') {
    const unused = [...FIT_ONLY, ...BOOT_ONLY].find((k) => values[k] !== undefined);
    if (unused) throw new UsageError(`option --${unused}: read only with --runs (the laws of --law are used as they are, not fitted)`);
    const sources = [lawSource(given[0], 'A'), lawSource(given[1], 'B')] as const;
    const [lawA, lawB] = sources.map((s, i) => {
      const side: Side = i === 0 ? 'A' : 'B';
      return 'preset' in s ? plannable(s.law, side, s.preset) : plannable(lawFromFile(s.file, side, limits.maxBytes), side, quote(s.file));
    });
    const rows = multipliers(lawA, lawB, budgets);
    if (json) return resultJson({ lawA, lawB, budgets: rows, resamples: 0, failed: 0, level: null }, false);
    const name = (s: LawSource) => ('preset' in s ? s.preset : quote(s.file));
    return [
      header(),
      `  law A (${name(sources[0])}): ${formatLaw(lawA)}`,
      `  law B (${name(sources[1])}): ${formatLaw(lawB)}`,
      ...tableLines(rows, lossFloor(lawA)),
      driftLine(rows),
    ].join('\n');
  }

  // The fit's own checks of its options, still before a file is read.
  const minRuns = paramCount(resolveFitOptions(fitOptions).spec);
  const runsA = readRunsFrom(given[0], limits, { ...named, minRuns });
  const runsB = readRunsFrom(given[1], limits, { ...named, minRuns });
  const resamples = boot.resamples ?? DEFAULT_RESAMPLES;
  const sides = { A: { file: given[0], runs: runsA }, B: { file: given[1], runs: runsB } };
  const columns = { A: runsA.columns, B: runsB.columns };

  if (resamples === 0) {
    const a = await fit<FormName>(runsA, fitOptions), b = await fit<FormName>(runsB, fitOptions);
    const [lawA, lawB] = [plannable(a.law, 'A', `fit of ${quote(given[0])}`), plannable(b.law, 'B', `fit of ${quote(given[1])}`)];
    const rows = multipliers(lawA, lawB, budgets);
    const diagnostics = { A: a.diagnostics, B: b.diagnostics };
    const stderr = bothDiagnostics(diagnostics.A, diagnostics.B, a.form);
    if (json) return { stdout: resultJson({ lawA, lawB, budgets: rows, resamples: 0, failed: 0, level: null, columns, runs: { A: a.runs, B: b.runs }, diagnostics }, false), stderr };
    return {
      stdout: [header('no bootstrap (--resamples 0): the multiplier of the fits of all runs'), ...fitLines(a, 'A', sides.A), ...fitLines(b, 'B', sides.B), ...tableLines(rows, lossFloor(lawA)), driftLine(rows)].join('\n'),
      stderr,
    };
  }

  const seed = boot.seed ?? BOOTSTRAP_DEFAULTS.seed, rng = boot.rng ?? BOOTSTRAP_DEFAULTS.rng;
  const r = await bootstrapMultiplierChecked(runsA, runsB, { fitA: fitOptions, fitB: fitOptions, budgets, resamples, seed, rng, level: boot.level }, given);
  const lawA = r.fitA.law as Law, lawB = r.fitB.law as Law;
  // The point estimates, exactly as the bootstrap computed them from the two fits (it reports the multiplier, not C_A).
  const rows = computeMultiplier(lawA, lawB, budgets);
  const intervals = r.budgets.map((x) => ({ loss: x.loss, multiplier: x.multiplier }));
  // bootstrapMultiplier is handed both estimates, so its diagnostics hold none of what the fits of all runs said: added here.
  const diagnostics = { A: [...r.fitA.diagnostics.map(ofEstimate), ...r.diagnostics.A], B: [...r.fitB.diagnostics.map(ofEstimate), ...r.diagnostics.B] };
  const stderr = bothDiagnostics(diagnostics.A, diagnostics.B, r.fitA.form);
  if (json) {
    return {
      stdout: resultJson({
        lawA, lawB, budgets: rows.map((x, j) => ({ ...x, intervals: intervals[j] })),
        resamples: r.resamples, failed: r.failed, level: r.level, seed, rng, columns, runs: { A: r.fitA.runs, B: r.fitB.runs }, diagnostics,
      }, false),
      stderr,
    };
  }
  const how = `bootstrap: ${r.resamples} resamples of each file's runs (${rng} draws, seeds ${seed} and ${(seed + 1) % 2 ** 32}; ${r.failed} failed)`;
  return {
    stdout: [header(how), ...fitLines(r.fitA, 'A', sides.A), ...fitLines(r.fitB, 'B', sides.B), ...tableLines(rows, lossFloor(lawA), intervals, r.level), driftLine(rows)].join('\n'),
    stderr,
  };
}

/**
 * bootstrapMultiplier; when it fails on the fits of all runs (a law with no
 * compute-optimal split, a loss out of the planner's reach), the line names
 * law A or B: only then is each file refitted (as the bootstrap fitted it) and
 * checked, else the core's message is passed on as it is.
 */
async function bootstrapMultiplierChecked(runsA: Runs, runsB: Runs, options: Parameters<typeof bootstrapMultiplier>[2], files: readonly string[]) {
  try {
    return await bootstrapMultiplier(runsA, runsB, options);
  } catch (e) {
    if (!(e instanceof ScalingKitError)) throw e;
    const laws: Law[] = [];
    for (const [side, runs, file] of [['A', runsA, files[0]], ['B', runsB, files[1]]] as const) {
      laws.push(plannable((await fit<FormName>(runs, options.fitA!)).law, side, `fit of ${quote(file)}`));
    }
    multipliers(laws[0], laws[1], options.budgets);
    throw e;
  }
}

function header(how?: string): string {
  const what = 'compute multiplier k of law B over law A: law A needs C_A = k·C FLOPs to reach the loss law B reaches with C, both compute-optimal (C = 6ND); above 1×, B is ahead';
  return how ? `${what}\n  ${how}` : what;
}

function fitLines(r: FitResult<FormName>, side: Side, source: { file: string; runs: Runs }): string[] {
  return [
    `  law ${side} (${r.form} fit of ${r.runs} runs in ${source.file === '-' ? 'standard input' : quote(source.file)}, ${lossWords(r.loss, r.delta)}): ${formatLaw(r.law as Law)}`,
    `    columns: ${columnsLine(source.runs.columns)}`,
  ];
}
