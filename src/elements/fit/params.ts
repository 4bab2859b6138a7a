/**
 * The numbers beside the <scaling-fit> chart: the fitted parameters (with
 * bootstrap intervals once there are some), the objective, whether the
 * optimiser converged — visibly NOT when it did not, with its status — and
 * the compute-optimal N*, D*, tokens per parameter and loss at `budget`.
 * Rows are plain data (`parameterRows`, `budgetRows`) shared by the
 * rendered tables and the text exports; everything is rendered as text.
 */

import { html, nothing, type TemplateResult } from 'lit';
import type { FitResult } from '../../core/fit.js';
import type { BootstrapResult, Interval } from '../../core/bootstrap.js';
import { isTwoVariable, type Law } from '../../core/forms-eval.js';
import { optimalAllocation, type Allocation } from '../../core/planning.js';
import { sig } from '../../core/law-text.js';
import { formatValue, type Quantity } from '../../chart/ticks.js';
import type { FitKey, FitTranslate, Lang } from '../../i18n/index.js';
import { describeDiagnostic, publishedName, severityLabel, undeterminedParameters } from '../../i18n/diagnostics.js';
import { describeStatus } from '../../i18n/status.js';
import { isClean, type Diagnostic, type Severity } from '../../core/diagnostic-codes.js';

const GREEK: Record<string, string> = { alpha: 'α', beta: 'β', eta: 'η', alphaN: 'α_N', alphaD: 'α_D', RN: 'R_N*', RD: 'R_D*', c0: 'c₀' };

export interface ParamRow { key: string; name: string; value: number; interval?: Interval }

type Checked = { form?: string; diagnostics?: readonly Diagnostic[] };

/** The fit's diagnostics; none for a result made before they existed (or a hand-made one in a test). */
export const diagnosticsOf = (result: Checked): readonly Diagnostic[] => result.diagnostics ?? [];

/** How a raw parameter (θ name) is shown: as its published parameter, in Greek where it has a letter. */
export const paramName = (form: string | undefined, theta: string): string => {
  const key = publishedName(form ?? '', theta);
  return GREEK[key] ?? key;
};

/** Published parameters (row keys) the diagnostics say the data do not determine. */
export function undeterminedKeys(result: Checked): Set<string> {
  const form = result.form ?? '';
  return new Set([...undeterminedParameters(diagnosticsOf(result), form)].map((theta) => publishedName(form, theta)));
}

/**
 * What the diagnostics leave undetermined of the compute-optimal allocation:
 * `split` (N*, D* and their ratio: N and D in lockstep, or any parameter of the
 * N and D terms not determined) and `loss` (L*: that, or E not determined).
 */
export function allocationUndetermined(result: Checked): { split: boolean; loss: boolean } {
  const loose = undeterminedKeys(result);
  const split = diagnosticsOf(result).some((d) => d.code === 'collinear-nd') || [...loose].some((k) => k !== 'E');
  return { split, loss: split || loose.size > 0 };
}

/** The one tokens-per-parameter ratio of every run, when the diagnostics found N and D in lockstep at slope 1. */
export function lockstepRatio(result: Checked): number | undefined {
  for (const d of diagnosticsOf(result)) {
    if (d.code === 'collinear-nd' && Number.isFinite(d.tokensPerParam) && d.tokensPerParam > 0) return d.tokensPerParam;
  }
  return undefined;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Where a list of diagnostics goes: the fit's, above the parameter table, or the bootstrap's, under its status line. */
const PLACES = {
  fit: { part: 'diagnostics', label: 'fitChecks' },
  bootstrap: { part: 'bootstrap-diagnostics', label: 'fitBootstrapChecks' },
} as const;

/**
 * What the fit (or, with `of: 'bootstrap'`, its bootstrap) says about itself
 * (part="diagnostics", "bootstrap-diagnostics"), in the element's language:
 * errors first, then warnings (both set off in colour, with their severity in
 * words), then notes, such as a fallback to the TypeScript engine or to this
 * thread. Two of the fit's are left out because the warnings above the chart
 * already say them: "not converged" (part="warning", when the result did not
 * converge) and a parameter held at a bound (renderNotices).
 * Nothing when there are no diagnostics.
 */
export function renderDiagnostics(result: Checked & { converged: boolean }, t: FitTranslate, lang: Lang, of: keyof typeof PLACES = 'fit'): TemplateResult | typeof nothing {
  const shownAbove = (d: Diagnostic) => of === 'fit' && ((d.code === 'not-converged' && !result.converged) || d.code === 'at-bound');
  const list = diagnosticsOf(result).filter((d) => !shownAbove(d));
  if (list.length === 0) return nothing;
  const sorted = [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const name = (theta: string) => paramName(result.form, theta);
  const place = PLACES[of];
  return html`<div class="diagnostics" part=${place.part} role=${isClean(list) ? 'status' : 'alert'} aria-label=${t(place.label)}>
    <ul>${sorted.map((d) => html`<li class="diagnostic severity-${d.severity}" part="diagnostic" data-code=${d.code} data-severity=${d.severity}>
      <strong class="severity">${severityLabel(d.severity, lang)}</strong> ${describeDiagnostic(d, lang, { name })}</li>`)}</ul>
  </div>`;
}

/** One row per published parameter (breaks of a broken power law flattened: c1, d1, f1, …). */
export function parameterRows(result: FitResult, intervals?: BootstrapResult): ParamRow[] {
  const rows: ParamRow[] = [];
  for (const [key, value] of Object.entries(result.params as unknown as Record<string, unknown>)) {
    if (typeof value === 'number') {
      rows.push({ key, name: GREEK[key] ?? key, value, interval: (intervals?.params as Record<string, Interval> | undefined)?.[key] });
    } else if (Array.isArray(value)) {
      value.forEach((b: Record<string, number>, i) => {
        for (const [k, v] of Object.entries(b)) rows.push({ key: `${k}${i + 1}`, name: `${k}${i + 1}`, value: v });
      });
    }
  }
  return rows;
}

export interface BudgetRow { key: 'N' | 'D' | 'tokensPerParam' | 'loss'; label: string; value: number; quantity: Quantity; interval?: Interval }

/** N*, D*, tokens per parameter and loss at C = budget, or undefined when the law cannot allocate compute. */
export function budgetRows(law: Law, budget: number, t: FitTranslate, intervals?: BootstrapResult): { allocation: Allocation; rows: BudgetRow[] } | undefined {
  if (!isTwoVariable(law)) return undefined;
  let allocation: Allocation;
  try {
    allocation = optimalAllocation(law, budget);
  } catch {
    return undefined;
  }
  const at = intervals?.derived.perBudget.find((b) => b.C === budget);
  return {
    allocation,
    rows: [
      { key: 'N', label: t('fitNStar'), value: allocation.N, quantity: 'count', interval: at?.N },
      { key: 'D', label: t('fitDStar'), value: allocation.D, quantity: 'count', interval: at?.D },
      { key: 'tokensPerParam', label: t('fitTokensPerParam'), value: allocation.tokensPerParam, quantity: 'decimal', interval: at?.tokensPerParam },
      { key: 'loss', label: t('fitLossStar'), value: allocation.loss, quantity: 'decimal' },
    ],
  };
}

/**
 * The parameters a bound holds (part="notices", its item part="warning"), in
 * the element's language, above the chart; their `at-bound` diagnostics are
 * not repeated below it. Nothing when no bound holds one.
 */
export function renderNotices(result: { atBounds?: readonly string[] }, t: FitTranslate): TemplateResult | typeof nothing {
  const bounds = result.atBounds ?? [];
  if (bounds.length === 0) return nothing;
  return html`<ul class="notices" part="notices" role="status" aria-label=${t('fitNotices')}>
    <li class="warning" part="warning">${t('fitAtBounds', { list: bounds.join(', ') })}</li>
  </ul>`;
}

const value = (q: Quantity, x: number) => (q === 'decimal' ? sig(x, 4) : formatValue(q, x, 3));
const range = (q: Quantity, i: Interval | undefined) => (i ? `${value(q, i.lo)} – ${value(q, i.hi)}` : '');

/**
 * The status row: NOT converged (part of .bad), converged but with a parameter
 * the data do not determine or an error (.bad), converged with warnings (.warn),
 * or a plain success (.ok) only when no diagnostic warns.
 */
function statusOf(result: FitResult, undetermined: boolean): { key: FitKey; className: 'ok' | 'warn' | 'bad' } {
  const list = diagnosticsOf(result);
  if (!result.converged) return { key: 'fitNotConverged', className: 'bad' };
  if (undetermined || list.some((d) => d.severity === 'error')) return { key: 'fitConvergedUndetermined', className: 'bad' };
  if (!isClean(list)) return { key: 'fitConvergedCaveat', className: 'warn' };
  return { key: 'fitConverged', className: 'ok' };
}

/**
 * The parameter table (part="params"), with the status row saying whether the
 * fit converged. A parameter the diagnostics say the data do not determine
 * reads "not determined" before its (muted) fitted value.
 */
export function renderParams(result: FitResult, intervals: BootstrapResult | undefined, t: FitTranslate, lang: Lang): TemplateResult {
  const level = intervals ? Math.round(intervals.level * 100) : 0;
  const rows = parameterRows(result, intervals);
  const loose = undeterminedKeys(result);
  const status = statusOf(result, rows.some((r) => loose.has(r.key)));
  return html`<table class="params" part="params">
    <caption>${t('fitParamsCaption')}</caption>
    <thead><tr>
      <th scope="col">${t('fitParam')}</th><th scope="col">${t('fitEstimate')}</th>
      ${intervals ? html`<th scope="col">${t('fitInterval', { level })}</th>` : nothing}
    </tr></thead>
    <tbody>
      ${rows.map((r) => html`<tr data-param=${r.key} class=${loose.has(r.key) ? 'undetermined' : ''}><th scope="row">${r.name}</th>
        ${loose.has(r.key)
          ? html`<td><span class="not-determined">${t('fitNotDetermined')}</span> <span class="weak-value">(${sig(r.value, 5)})</span></td>`
          : html`<td>${sig(r.value, 5)}</td>`}
        ${intervals ? html`<td class="interval-cell">${range('decimal', r.interval)}</td>` : nothing}</tr>`)}
      <tr class="meta"><th scope="row">${t('fitObjective')}</th><td colspan=${intervals ? 2 : 1}>${sig(result.objective, 6)}</td></tr>
      <tr class="meta"><th scope="row">${t('fitRunsUsed')}</th><td colspan=${intervals ? 2 : 1}>${result.runs}</td></tr>
      <tr class="meta status ${status.className}" part="status">
        <th scope="row">${t('fitStatus')}</th>
        <td colspan=${intervals ? 2 : 1}>${t(status.key, { reason: describeStatus(result.status, lang) })}</td>
      </tr>
    </tbody>
  </table>`;
}

/**
 * The compute-optimal allocation at the budget (part="budget"), or nothing.
 * `undetermined` (allocationUndetermined): rows the data do not determine read
 * "not determined" before their muted value, as in the parameter table.
 */
export function renderBudget(law: Law, budget: number | undefined, intervals: BootstrapResult | undefined, t: FitTranslate,
  undetermined: { split: boolean; loss: boolean } = { split: false, loss: false }): TemplateResult | typeof nothing {
  if (budget === undefined) return nothing;
  const b = budgetRows(law, budget, t, intervals);
  if (!b) return html`<p class="budget-note" part="budget">${t('fitNoTwoVariable', { form: law.form })}</p>`;
  const withIntervals = b.rows.some((r) => r.interval);
  const loose = (r: BudgetRow) => (r.key === 'loss' ? undetermined.loss : undetermined.split);
  return html`<table class="budget" part="budget">
    <caption>${t('fitBudgetTitle', { C: formatValue('flops', budget, 3) })}</caption>
    <tbody>${b.rows.map((r) => html`<tr data-budget=${r.key} class=${loose(r) ? 'undetermined' : ''}><th scope="row">${r.label}</th>
      ${loose(r)
        ? html`<td><span class="not-determined">${t('fitNotDetermined')}</span> <span class="weak-value">(${value(r.quantity, r.value)})</span></td>`
        : html`<td>${value(r.quantity, r.value)}</td>`}
      ${withIntervals ? html`<td class="interval-cell">${range(r.quantity, r.interval)}</td>` : nothing}</tr>`)}</tbody>
  </table>`;
}
