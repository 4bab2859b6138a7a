/**
 * The tables of <scaling-fit> beside its chart: the numbers under it (what
 * the fit says about itself, the fitted parameters with their intervals once
 * the bootstrap is done, the compute-optimal allocation at the budget) and
 * the visually hidden table of every run with its prediction and residual.
 * Separate from the element because they are read-outs of a finished fit,
 * built from what it holds, with nothing of the element's own state.
 */

import { html, nothing } from 'lit';
import { A11Y_LIMITS, dataTable, firstRows, grouped } from '../../chart/a11y.js';
import type { FitTranslate, Lang } from '../../i18n/index.js';
import type { FitJobs } from './jobs.js';
import type { FitPlot } from './model.js';
import { allocationUndetermined, renderBudget, renderDiagnostics, renderParams } from './params.js';
import { runRow } from './text.js';

/** The numbers under the chart, once the fit has a result; `budget` in FLOPs, if the author gave one. */
export function renderNumbers(jobs: FitJobs, budget: number | undefined, t: FitTranslate, lang: Lang): unknown {
  const result = jobs.result;
  if (!result) return nothing;
  const iv = jobs.bootState === 'done' ? jobs.intervals : undefined;
  return html`<div class="numbers">${renderDiagnostics(result, t, lang)}${renderParams(result, iv, t, lang)}${renderBudget(result.law, budget, iv, t, allocationUndetermined(result))}</div>`;
}

/** The hidden table of the runs `m` shows (nothing without a model). */
export function renderRunsTable(m: FitPlot | undefined, t: FitTranslate): unknown {
  if (!m) return nothing;
  const c = m.runs.columns, n = m.runs.N.length, shown = Math.min(n, A11Y_LIMITS.tableRows);
  // At most A11Y_LIMITS.tableRows rows (laying out 10,000 took seconds), then a row pointing to the CSV export.
  return dataTable(t('fitTableCaption', { n }), [t('fitRow'), c.N, c.D ?? 'D', c.C ?? 'C', c.loss, t('fitPredicted'), t('fitResidual')],
    firstRows(n, (i) => runRow(m, i)), 'table', shown < n ? t('fitTableCapped', { shown: grouped(shown), n: grouped(n) }) : undefined);
}
