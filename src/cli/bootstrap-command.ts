/** `scaling-kit bootstrap FILE`: percentile intervals for a fit (any form and loss `fit` takes) by resampling runs. */

import { bootstrap, type BootstrapFitResult } from '../core/bootstrap-fit.js';
import type { BootstrapResult, Interval } from '../core/bootstrap.js';
import { parametricDraws } from '../core/parametric-draws.js';
import type { FormName } from '../laws/names.js';
import { RESAMPLE_RNGS } from '../stats/resample.js';
import { parse, numberOption, choiceOption, UsageError } from './args.js';
import { FIT_FLAGS, FIT_FLAGS_USAGE, fitOptionsFromFlags, runsForFit } from './fit-flags.js';
import { INPUT_FLAGS, INPUT_FLAGS_USAGE, INPUT_LIMITS_NOTE, inputLimits } from './input.js';
import { LIMITS, formatCount } from '../core/limits.js';
import { columnsLine, count, formatDiagnostics, lossWords, sig } from './format.js';
import { numberList, resultJson } from './json.js';
import type { CommandOutput } from './run.js';

export const BOOTSTRAP_USAGE = `scaling-kit bootstrap FILE [--resamples 4000] [--seed 42] [--rng numpy|default] [--level 0.95]
                [--budgets C1,C2,... [--draws 10000] [--draw-space log|raw]] [--json [--timing]]
                ${FIT_FLAGS_USAGE.replace(' [--scale fixed|free]', '')}
                ${INPUT_FLAGS_USAGE}
  Fits the law as \`scaling-kit fit\` does with the same options (default Chinchilla, Huber), resamples the
  runs with replacement, refits each resample the same way from that fit, and prints percentile intervals
  for every parameter of the form; for Chinchilla also a = beta/(alpha+beta), G and, per budget, N*, D*
  and tokens per parameter. --rng numpy reproduces np.random.seed(S) + np.random.choice(n, n) draws exactly.
  --draws K (Chinchilla, with --budgets) also summarises N*, D*, tokens per parameter and L* over K parameter
  sets drawn from a normal fitted to the replicates (their mean and covariance; numpy's normals, seed --seed),
  as Epoch AI reports its tokens per parameter: in --draw-space log (default: ln A, ln B, ln E, alpha, beta)
  or raw (A, B, E, alpha, beta; draws with a coefficient <= 0 are left out and counted). At most ${formatCount(LIMITS.draws)}.
  What the bootstrap says about its intervals (failed refits, refits on a bound, intervals the data hardly
  determine, refits in other basins), how it ran (a fallback to the TypeScript engine or to one thread) and,
  prefixed "The fit of all runs:", what the fit said of where it ended goes to stderr, one line each
  ("warning: …", "info: …"); it does not change the exit code. --json includes it as "diagnostics". --resamples is at most ${formatCount(LIMITS.resamples)} and
  --budgets lists at most ${LIMITS.budgets}: fixed limits.
  Examples: scaling-kit bootstrap runs.csv --drop-highest 5 --rng numpy --seed 42 --budgets 5.76e23
            scaling-kit bootstrap runs.csv --budgets 5.88e23 --draws 10000 --json
${INPUT_LIMITS_NOTE}`;


export async function bootstrapCommand(argv: string[]): Promise<CommandOutput> {
  const { values, positionals } = parse(argv, {
    ...FIT_FLAGS,
    resamples: { type: 'string' }, seed: { type: 'string' }, rng: { type: 'string' }, level: { type: 'string' },
    budgets: { type: 'string' }, draws: { type: 'string' }, 'draw-space': { type: 'string' },
    json: { type: 'boolean' }, timing: { type: 'boolean' }, ...INPUT_FLAGS,
  }, 1);
  if (positionals[0] === undefined) throw new UsageError('bootstrap needs a FILE of runs (CSV or JSON, - for stdin)');
  const whole = (x: number) => Number.isInteger(x) && x >= 0;
  // Every flag is checked, and the counts against their limits, before the file is read or anything fitted.
  const own = {
    resamples: numberOption(values, 'resamples', (x) => whole(x) && x >= 1 && x <= LIMITS.resamples, `a whole number from 1 to ${formatCount(LIMITS.resamples)} (a fixed limit)`),
    seed: numberOption(values, 'seed', (x) => whole(x) && x < 2 ** 32, 'a whole number below 2^32'),
    rng: choiceOption(values, 'rng', RESAMPLE_RNGS),
    level: numberOption(values, 'level', (x) => x > 0 && x < 1, 'a number between 0 and 1'),
    budgets: numberList(values.budgets, 'budgets', (m) => new UsageError(m), LIMITS.budgets),
  };
  const draws = numberOption(values, 'draws', (x) => whole(x) && x >= 1 && x <= LIMITS.draws, `a whole number from 1 to ${formatCount(LIMITS.draws)} (a fixed limit)`);
  const space = choiceOption(values, 'draw-space', ['log', 'raw'] as const);
  if ((draws !== undefined || space !== undefined) && !own.budgets?.length) throw new UsageError('--draws summarises the allocation at budgets: give --budgets too');
  // Refits hold the scale fixed, as Epoch refit the plain Huber objective: free is fit's alone; fixed is the default.
  if (values.scale !== undefined && values.scale !== 'fixed') {
    throw new UsageError(`option --scale: bootstrap refits with the scale fixed; "${values.scale}" is not offered here (--scale free is for fit alone)`);
  }
  const { scale: _fixed, ...flags } = fitOptionsFromFlags(values);
  const { runs, options } = runsForFit(positionals[0], flags, inputLimits(values));
  if (draws !== undefined && (options.form ?? 'chinchilla') !== 'chinchilla') throw new UsageError('--draws works on the Chinchilla form (the allocation N*, D* is its closed form)');
  const r: BootstrapFitResult<FormName> = await bootstrap<FormName>(runs, { ...options, ...own });
  const drawn = draws !== undefined || space !== undefined
    ? parametricDraws(r as unknown as BootstrapResult, { budgets: own.budgets!, draws, space, seed: own.seed, level: own.level }) : undefined;
  const stderr = formatDiagnostics(r.diagnostics, r.form);
  if (values.json) {
    const { samples: _omitted, ...rest } = r;
    return { stdout: resultJson({ ...rest, ...(drawn && { draws: drawn }), columns: runs.columns }, values.timing === true), stderr };
  }
  const pct = Math.round(r.level * 1000) / 10;
  const row = (name: string, i: Interval, f = (x: number) => sig(x, 5)) =>
    `  ${name.padEnd(16)}${f(i.estimate ?? i.median).padStart(12)}   ${pct}% (${f(i.lo)}, ${f(i.hi)})`;
  const derived = r.form === 'chinchilla' ? [
    row('a = β/(α+β)', r.derived.a),
    row('G', r.derived.G),
    ...r.derived.perBudget.flatMap((b) => [
      row(`N*(${b.C.toExponential(2)})`, b.N, count), row(`D*(${b.C.toExponential(2)})`, b.D, count), row('tokens/param', b.tokensPerParam),
    ]),
  ] : [];
  const lines = [
    `bootstrap of the ${r.form} fit (${lossWords(r.loss, r.delta)}): ${r.resamples} resamples (${r.rng} draws, seed ${r.seed}; ${r.failed} failed), ` +
      `${r.engine} engine, ${r.workers} workers, ${(r.ms / 1000).toFixed(2)} s`,
    `  columns: ${columnsLine(runs.columns)}`,
    ...Object.entries(r.params as Record<string, Interval>).map(([k, i]) => row(k, i)),
    ...derived,
    ...(drawn ? [
      `parametric draws: ${drawn.draws} from the replicates' normal in ${drawn.space} space (seed ${drawn.seed}; ${drawn.invalid} left out); median and ${pct}%`,
      ...drawn.perBudget.flatMap((b) => [
        row(`N*(${b.C.toExponential(2)})`, { ...b.N, estimate: b.N.median }, count), row(`D*(${b.C.toExponential(2)})`, { ...b.D, estimate: b.D.median }, count),
        row('tokens/param', { ...b.tokensPerParam, estimate: b.tokensPerParam.median }), row('L*', { ...b.loss, estimate: b.loss.median }),
      ]),
    ] : []),
  ];
  return { stdout: lines.join('\n'), stderr };
}
