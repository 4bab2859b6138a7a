/** `scaling-kit isoflop FILE`: Approach 2, a parabola per compute budget, then N*(C) and D*(C) power laws. */

import { isoflop } from '../core/isoflop.js';
import { parse, numberOption, UsageError } from './args.js';
import { INPUT_FLAGS, INPUT_FLAGS_USAGE, INPUT_LIMITS_NOTE, inputLimits, readRunsFrom } from './input.js';
import { LIMITS } from '../core/limits.js';
import { columnsLine, count, formatDiagnostics, sig } from './format.js';
import { toJson, numberList } from './json.js';
import { columnsOption } from './columns-flag.js';
import { columnDiagnostics } from '../core/column-diagnostics.js';
import type { CommandOutput } from './run.js';

export const ISOFLOP_USAGE = `scaling-kit isoflop FILE [--budgets C1,C2,...] [--tolerance 0.1] [--min-points 3] [--level 0.95] [--json]
                ${INPUT_FLAGS_USAGE}
  Fits loss against log N per compute budget (snapped to --budgets within --tolerance, else grouped),
  rejects budgets with a stated reason, and fits N* = k·C^a and D* = k·C^b over the rest.
  --budgets lists at most ${LIMITS.budgets} (a fixed limit).
${INPUT_LIMITS_NOTE}`;

export function isoflopCommand(argv: string[]): CommandOutput {
  const { values, positionals } = parse(argv, {
    budgets: { type: 'string' }, tolerance: { type: 'string' }, 'min-points': { type: 'string' }, level: { type: 'string' },
    json: { type: 'boolean' }, ...INPUT_FLAGS,
  }, 1);
  if (positionals[0] === undefined) throw new UsageError('isoflop needs a FILE of runs (CSV or JSON, - for stdin)');
  const options = {
    budgets: numberList(values.budgets, 'budgets', (m) => new UsageError(m), LIMITS.budgets),
    tolerance: numberOption(values, 'tolerance', (x) => x > 0, 'a positive number'),
    minPoints: numberOption(values, 'min-points', (x) => Number.isInteger(x) && x >= 3, 'a whole number ≥ 3'),
    level: numberOption(values, 'level', (x) => x > 0 && x < 1, 'a number between 0 and 1'),
  };
  const named = columnsOption(values);
  if (named.weights !== undefined || named.unique !== undefined) throw new UsageError('option --columns: isoflop reads no weight or U column');
  const runs = readRunsFrom(positionals[0], inputLimits(values), { columns: named.columns });
  const r = isoflop(runs, options);
  const diagnostics = columnDiagnostics(runs);
  const stderr = formatDiagnostics(diagnostics, 'chinchilla');
  const out = (stdout: string): CommandOutput => (stderr ? { stdout, stderr } : stdout);
  if (values.json) return out(toJson({ ...r, columns: runs.columns, diagnostics }));
  const pct = Math.round(r.N.level * 1000) / 10;
  return out([
    `IsoFLOP analysis: ${r.accepted} of ${r.budgets.length} budgets accepted (columns: ${columnsLine(runs.columns)})`,
    ...r.budgets.map((b) => `  C = ${b.C.toExponential(2)}  ${String(b.points).padStart(3)} runs  ` +
      (b.accepted ? `N* = ${count(b.N)}, D* = ${count(b.D)}, loss ${sig(b.loss, 5)}` : `rejected: ${b.message}`)),
    `  N* = ${sig(r.N.k, 5)}·C^${sig(r.N.a, 5)}  (a ${pct}% interval ${sig(r.N.lo, 4)} to ${sig(r.N.hi, 4)})`,
    `  D* = ${sig(r.D.k, 5)}·C^${sig(r.D.b, 5)}  (b ${pct}% interval ${sig(r.D.lo, 4)} to ${sig(r.D.hi, 4)})`,
  ].join('\n'));
}
