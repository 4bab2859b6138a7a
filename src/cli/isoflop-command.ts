/**
 * `scaling-kit isoflop FILE`: an optimum per compute budget (the vertex of a
 * parabola, or with --approach akima the minimum of an Akima spline with a
 * seed-noise bootstrap), then N*(C) and D*(C) power laws.
 */

import { isoflop, type IsoflopBudget, type IsoflopResult } from '../core/isoflop.js';
import { parse, numberOption, choiceOption, UsageError } from './args.js';
import { INPUT_FLAGS, INPUT_FLAGS_USAGE, INPUT_LIMITS_NOTE, inputLimits, readRunsFrom } from './input.js';
import { LIMITS, formatCount } from '../core/limits.js';
import { columnsLine, count, formatDiagnostics, sig } from './format.js';
import { toJson, numberList } from './json.js';
import { columnsOption } from './columns-flag.js';
import { columnDiagnostics } from '../core/column-diagnostics.js';
import type { CommandOutput } from './run.js';

export const ISOFLOP_USAGE = `scaling-kit isoflop FILE [--budgets C1,C2,...] [--tolerance 0.1] [--min-points 3] [--level 0.95]
                [--approach parabola|akima] [--seed-noise 0.002] [--replicas 1000] [--seed 42] [--json]
                ${INPUT_FLAGS_USAGE}
  Finds the loss-minimising N per compute budget (runs snapped to --budgets within --tolerance, else grouped),
  rejects budgets with a stated reason, and fits N* = k·C^a and D* = k·C^b over the rest.
  --approach parabola (default): a parabola of loss against log N per budget, its vertex the optimum
    (Hoffmann et al. 2022); Student-t intervals on the exponents.
  --approach akima: an Akima spline of log loss against log N per budget, minimised on a grid, and
    --replicas copies of the losses with Gaussian noise of sd --seed-noise (numpy's draws from --seed);
    the optimum is the median over replicas, the fit weighted by their spread, the intervals
    percentile-bootstrap ones (Porian et al. 2024). Their noise: 0.002 on RefinedWeb, 0.01 on OpenWebText2.
  --budgets lists at most ${LIMITS.budgets} and --replicas is at most ${formatCount(LIMITS.replicas)} (fixed limits).
  Examples: scaling-kit isoflop isoflops.csv --budgets 6e18,1e19,3e19,1e20
            scaling-kit isoflop isoflops.csv --approach akima --seed-noise 0.002
${INPUT_LIMITS_NOTE}`;

const APPROACHES = ['parabola', 'akima'] as const;

function budgetLine(b: IsoflopBudget, akima: boolean): string {
  const head = `  C = ${b.C.toExponential(2)}  ${String(b.points).padStart(3)} runs  `;
  if (!b.accepted) return `${head}rejected: ${b.message}`;
  const spread = akima ? `; sd(ln N*) ${sig(b.lnNStd!, 3)}, ${b.validReplicas} of ${b.replicas} replicas valid` : '';
  return `${head}N* = ${count(b.N)}, D* = ${count(b.D)}, loss ${sig(b.loss, 5)}${spread}`;
}

function lawLines(r: IsoflopResult): string[] {
  const pct = Math.round(r.N.level * 1000) / 10;
  const kind = r.N.interval === 'percentile-bootstrap' ? `${pct}% percentile-bootstrap interval over ${r.N.replicaFits} replica fits` : `${pct}% interval`;
  return [
    `  N* = ${sig(r.N.k, 5)}·C^${sig(r.N.a, 5)}  (a ${kind} ${sig(r.N.lo, 4)} to ${sig(r.N.hi, 4)})`,
    `  D* = ${sig(r.D.k, 5)}·C^${sig(r.D.b, 5)}  (b ${kind} ${sig(r.D.lo, 4)} to ${sig(r.D.hi, 4)})`,
  ];
}

export function isoflopCommand(argv: string[]): CommandOutput {
  const { values, positionals } = parse(argv, {
    budgets: { type: 'string' }, tolerance: { type: 'string' }, 'min-points': { type: 'string' }, level: { type: 'string' },
    approach: { type: 'string' }, 'seed-noise': { type: 'string' }, replicas: { type: 'string' }, seed: { type: 'string' },
    json: { type: 'boolean' }, ...INPUT_FLAGS,
  }, 1);
  if (positionals[0] === undefined) throw new UsageError('isoflop needs a FILE of runs (CSV or JSON, - for stdin)');
  const whole = (x: number) => Number.isInteger(x) && x >= 0;
  const approach = choiceOption(values, 'approach', APPROACHES);
  const akimaFlags = {
    seedNoise: numberOption(values, 'seed-noise', (x) => x > 0, 'a positive number'),
    replicas: numberOption(values, 'replicas', (x) => whole(x) && x >= 1 && x <= LIMITS.replicas, `a whole number from 1 to ${formatCount(LIMITS.replicas)} (a fixed limit)`),
    seed: numberOption(values, 'seed', (x) => whole(x) && x < 2 ** 32, 'a whole number below 2^32'),
  };
  const given = (['seed-noise', 'replicas', 'seed'] as const).find((flag) => values[flag] !== undefined);
  if (approach !== 'akima' && given) throw new UsageError(`option --${given}: applies to --approach akima only`);
  const options = {
    budgets: numberList(values.budgets, 'budgets', (m) => new UsageError(m), LIMITS.budgets),
    tolerance: numberOption(values, 'tolerance', (x) => x > 0, 'a positive number'),
    minPoints: numberOption(values, 'min-points', (x) => Number.isInteger(x) && x >= 3, 'a whole number ≥ 3'),
    level: numberOption(values, 'level', (x) => x > 0 && x < 1, 'a number between 0 and 1'),
    approach,
    ...(approach === 'akima' ? akimaFlags : {}),
  };
  const named = columnsOption(values);
  if (named.weights !== undefined || named.unique !== undefined) throw new UsageError('option --columns: isoflop reads no weight or U column');
  const runs = readRunsFrom(positionals[0], inputLimits(values), { columns: named.columns });
  const r = isoflop(runs, options);
  const diagnostics = columnDiagnostics(runs);
  const stderr = formatDiagnostics(diagnostics, 'chinchilla');
  const out = (stdout: string): CommandOutput => (stderr ? { stdout, stderr } : stdout);
  if (values.json) return out(toJson({ approach: r.options.approach, ...r, columns: runs.columns, diagnostics }));
  const akima = r.options.approach === 'akima';
  const how = akima ? `Akima spline, ${r.options.replicas} replicas with seed noise ${r.options.seedNoise} (seed ${r.options.seed})` : 'parabola';
  return out([
    `IsoFLOP analysis (${how}): ${r.accepted} of ${r.budgets.length} budgets accepted (columns: ${columnsLine(runs.columns)})`,
    ...r.budgets.map((b) => budgetLine(b, akima)),
    ...lawLines(r),
  ].join('\n'));
}
