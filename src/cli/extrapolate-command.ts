/**
 * `scaling-kit extrapolate FILE`: one learning curve judged by extrapolation,
 * as Alabdulmohsin et al. (2022) judge laws: hold out the points of largest x,
 * fit M1, M2 and M4 to the rest (src/core/extrapolation-score.ts), and print
 * each law's RMSE of log loss on the held-out points.
 */

import { readCurve } from '../core/curve-input.js';
import { extrapolationScore, ESTIMATORS, type ExtrapolationScore } from '../core/extrapolation-score.js';
import { M4_SEARCHES, type M4Fit } from '../core/m4-fit.js';
import { formatLaw } from '../core/law-text.js';
import { ENGINE_NAMES } from '../engine/types.js';
import { LAW_VARIABLES } from '../laws/variables.js';
import { describeStatus } from '../i18n/status.js';
import { parse, numberOption, choiceOption, UsageError } from './args.js';
import { INPUT_FLAGS, INPUT_FLAGS_USAGE, INPUT_LIMITS_NOTE, inputLimits, readInput, withInputLimits } from './input.js';
import { COLUMNS_USAGE, columnsOption } from './columns-flag.js';

/** The columns extrapolate reads: x and the loss (it refuses metric=, weight= and U=). */
const EXTRAPOLATE_COLUMNS = '[--columns N=COL,D=COL,C=COL,loss=COL]';
import { formatDiagnostics, sig } from './format.js';
import { toJson } from './json.js';
import type { Diagnostic } from '../core/diagnostic-codes.js';
import type { CommandOutput } from './run.js';

export const EXTRAPOLATE_USAGE = `scaling-kit extrapolate FILE --holdout K [--x D|N|C] [--eps0 V] [--search paper|global]
                [--engine auto|relaxed-simd|simd|scalar|js] [--json]
                ${INPUT_FLAGS_USAGE.replace(COLUMNS_USAGE, EXTRAPOLATE_COLUMNS)}
  Judges laws of one learning curve by extrapolation, as Alabdulmohsin et al. (2022) do: holds out the K points
  of largest x, fits three laws to the rest, M1 ε = β·x^c, M2 ε = ε∞ + β·x^c and M4 (ε − ε∞)/(ε0 − ε)^α = β·x^c,
  and prints each law's RMSE of log loss on the held-out points. x is the column of --x (default D, the data
  size; name it with --columns D=COLUMN) and the loss the loss column. M4 needs at least 6 points to fit (5 with
  --eps0). --eps0 holds ε0, the loss of a random guess (every loss must be below it); without it ε0 is fitted.
  --search paper (default) fits M4 from the paper's start, just below the lowest loss, to the minimum it
  reaches; global takes the lowest minimum of M4's objective found in a scan. M1 and M2 are fitted on squared
  residuals of log loss. What each fit says of itself goes to stderr ("warning: M4: …").
  Example: scaling-kit extrapolate curve.csv --columns D=examples,loss=loss --holdout 3
${INPUT_LIMITS_NOTE}`;

/** Four significant digits, with an exponent outside 1e-4 … 1e6. */
function short(x: number): string {
  const a = Math.abs(x);
  if (a === 0 || (a >= 1e-4 && a < 1e6)) return sig(x, 4);
  return x.toExponential(3).replace(/\.?0+e/, 'e');
}

/** The M4 law as an equation in x; with α = 0, ε0 drops out and the law is M2's shape. */
function m4Text(f: M4Fit, variable: string): string {
  const p = f.params, power = `${short(p.beta)}·${variable}^${short(p.c)}`;
  if (p.alpha === 0) return `ε = ${short(p.epsInf)} + ${power}`;
  return `(ε − ${short(p.epsInf)})/(${short(p.eps0)} − ε)^${short(p.alpha)} = ${power}`;
}

const fitted = (converged: boolean, status: string) => `${converged ? 'converged' : 'NOT converged'} (${status})`;

/** The diagnostics of the three fits for stderr, each line labelled with its law; rows named are the file's. */
function diagnostics(r: ExtrapolationScore, rows: Int32Array): string {
  const label = (name: string, text: string) => text.split('\n').filter((l) => l !== '').map((l) => l.replace(/^(\w+): /, `$1: ${name}: `));
  const inFile = (list: readonly Diagnostic[]) => list.map((d) => (d.code === 'outliers' ? { ...d, rows: d.rows.map((point) => rows[point - 1]) } : d));
  return [
    ...label('M1', formatDiagnostics(inFile(r.fits.M1.diagnostics), 'power')),
    ...label('M2', formatDiagnostics(inFile(r.fits.M2.diagnostics), 'saturating')),
    ...label('M4', formatDiagnostics(r.fits.M4.diagnostics, 'm4')),
  ].join('\n');
}

/** What --json prints of a loss law's fit: no wall time, so the same input gives the same bytes. */
const lawJson = (f: ExtrapolationScore['fits']['M1'] | ExtrapolationScore['fits']['M2']) => ({
  form: f.form, law: f.law, objective: f.objective, converged: f.converged, status: f.status, certified: f.certified, diagnostics: f.diagnostics,
});

export function extrapolateCommand(argv: string[]): CommandOutput {
  const { values, positionals } = parse(argv, {
    holdout: { type: 'string' }, x: { type: 'string' }, eps0: { type: 'string' }, search: { type: 'string' },
    engine: { type: 'string' }, json: { type: 'boolean' }, ...INPUT_FLAGS,
  }, 1);
  if (positionals[0] === undefined) throw new UsageError('extrapolate needs a FILE holding one learning curve (CSV or JSON, - for stdin)');
  const holdout = numberOption(values, 'holdout', (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1');
  if (holdout === undefined) throw new UsageError('extrapolate needs --holdout K, the number of points of largest x to hold out');
  const variable = choiceOption(values, 'x', LAW_VARIABLES) ?? 'D';
  const eps0 = numberOption(values, 'eps0', (v) => v > 0, 'a positive number');
  const search = choiceOption(values, 'search', M4_SEARCHES);
  const engine = choiceOption(values, 'engine', [...ENGINE_NAMES, 'auto'] as const);
  const named = columnsOption(values);
  if (named.weights !== undefined || named.unique !== undefined || named.metric !== undefined) {
    throw new UsageError('option --columns: extrapolate reads x and the loss only (N=, D=, C=, loss=)');
  }
  const limits = inputLimits(values);
  const text = readInput(positionals[0], limits.maxBytes);
  const curve = withInputLimits(() => readCurve(text, { variable, columns: named.columns, maxRows: limits.maxRows, maxBytes: Infinity }));
  const r = extrapolationScore(curve.x, curve.loss, {
    holdout, variable, ...(eps0 !== undefined && { eps0 }), ...(search !== undefined && { search }), ...(engine !== undefined && { engine }),
  });
  const rowOf = (i: number) => curve.rows[i];
  const stderr = diagnostics(r, curve.rows);
  if (values.json) {
    const heldOut = r.heldOut.map((p) => ({ row: rowOf(p.index), x: p.x, loss: p.loss, predicted: p.predicted }));
    return {
      stdout: toJson({ columns: curve.columns, variable, cutoff: r.cutoff, training: r.training.length, heldOut, rmse: r.rmse, best: r.best, fits: { M1: lawJson(r.fits.M1), M2: lawJson(r.fits.M2), M4: r.fits.M4 } }),
      stderr,
    };
  }
  const m4 = r.fits.M4;
  const laws: Record<string, string> = { M1: formatLaw(r.fits.M1.law), M2: formatLaw(r.fits.M2.law), M4: m4Text(m4, variable) };
  const width = ESTIMATORS.reduce((w, e) => Math.max(w, laws[e].length), 0);
  const status: Record<string, string> = {
    M1: fitted(r.fits.M1.converged, describeStatus(r.fits.M1.status, 'en')),
    M2: fitted(r.fits.M2.converged, describeStatus(r.fits.M2.status, 'en')),
    M4: `${fitted(m4.converged, describeStatus(m4.status, 'en'))}, ${m4.iterations} iterations, ${m4.search} search${m4.eps0Given ? ', ε0 given' : ''}`,
  };
  const lines = [
    `extrapolate: fitted ${r.training.length} points with ${variable} ≤ ${short(r.cutoff)}, held out the ${r.heldOut.length} of largest ${variable} (${variable}="${curve.columns.x}", loss="${curve.columns.loss}")`,
    ...ESTIMATORS.map((e) => `  ${e}  ${laws[e].padEnd(width)}  RMSE of log loss ${sig(r.rmse[e], 4)}  ${status[e]}`),
    ...r.heldOut.map((p) => `  row ${String(rowOf(p.index)).padStart(4)}  ${variable} ${short(p.x).padStart(9)}  loss ${sig(p.loss, 5).padStart(7)}  ${ESTIMATORS.map((e) => `${e} ${sig(p.predicted[e], 5).padStart(7)}`).join('  ')}`),
    `  lowest RMSE of log loss: ${r.best}`,
  ];
  return { stdout: lines.join('\n'), stderr };
}
