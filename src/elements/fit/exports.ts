/**
 * Text exports of <scaling-fit>: the runs with the fit's predictions and
 * residuals (CSV), the FitResult with any bootstrap intervals (JSON; the
 * per-replicate samples left out), the fitted law as a Python function, and
 * as a LaTeX equation. Pure functions of what the element holds.
 */

import type { FitResult } from '../../core/fit.js';
import type { BootstrapResult } from '../../core/bootstrap.js';
import type { Runs } from '../../core/runs-types.js';
import type { Law } from '../../core/forms-eval.js';
import { toCsv, toJson } from '../../chart/export.js';
import { lawsToPython } from '../../chart/law-python.js';
import { lawLatexBlock } from '../../chart/law-latex.js';
import { predictions } from './model.js';

const finite = (v: number) => (Number.isFinite(v) ? v : null);

/** One row per run: input row, N, D, C, loss, predicted loss, residual ln L − ln L̂. */
export function fitCsv(runs: Runs, result: FitResult | undefined): string {
  const predicted = result ? predictions(runs, result.law as Law) : undefined;
  return toCsv(['row', 'N', 'D', 'C', 'loss', 'predicted', 'residual'], Array.from(runs.N, (N, i) => {
    const p = predicted ? predicted[i] : NaN;
    return [runs.rows[i], N, runs.D[i], runs.C[i], runs.loss[i], finite(p), finite(Math.log(runs.loss[i]) - Math.log(p))];
  }));
}

/** The result (and intervals without their samples) as JSON, plus which columns were read. */
export function fitJson(result: FitResult, intervals: BootstrapResult | undefined, runs: Runs | undefined, source: string): string {
  const bootstrap = intervals && (({ samples: _samples, ...rest }) => rest)(intervals);
  return toJson({ source, columns: runs?.columns, result, ...(bootstrap && { bootstrap }) });
}

export function fitPython(result: FitResult): string {
  return lawsToPython([{ law: result.law as Law, name: 'L', label: `Fitted by scaling-kit <scaling-fit> (${result.form}, ${result.loss} loss, ${result.runs} runs)` }],
    'A scaling law fitted by scaling-kit <scaling-fit>');
}

export function fitLatex(result: FitResult): string {
  return lawLatexBlock(result.law as Law, `Fitted to ${result.runs} runs (${result.form}, ${result.loss} loss)`);
}
