/**
 * The calculator in words and as data: the chart's accessible summary,
 * hidden data table and cursor readout, the sentence the live region
 * announces after a change, the notice for ignored parts of the URL hash,
 * and the CSV and JSON exports of the table (full precision; values a law
 * does not have are empty in CSV and null in JSON).
 */

import { html, type TemplateResult, nothing } from 'lit';
import { dataTable, summary } from '../../chart/a11y.js';
import { toCsv, toJson } from '../../chart/export.js';
import { logTicks } from '../../chart/ticks.js';
import { isolate } from '../../chart/isolate.js';
import type { CalculatorTranslate } from '../../i18n/index.js';
import { formatCountText, formatFlopsText, formatPlain } from './format.js';
import { scenarioFields, type HashProblem } from './hash.js';
import { valueAt, type CalcChart } from './draw.js';
import { sourcedLabel, type CalcResult, type CalcRow, type LawSource } from './model.js';

const valueText = (kind: CalcChart['kind'], y: number): string => (kind === 'loss' ? formatPlain(y, 4) : formatCountText(y));

/** One paragraph for the chart's aria-label: what is plotted, the range, and the values at the budget. */
export function chartSummary(chart: CalcChart, result: CalcResult, t: CalculatorTranslate): string {
  const drawn = new Set(chart.series.map((s) => s.key));
  const missing = result.rows.filter((r) => !drawn.has(r.key)).map((r) => r.short);
  return summary([
    t(chart.kind === 'loss' ? 'calcSummaryLoss' : 'calcSummaryParams', {
      from: formatFlopsText(chart.domain[0]), to: formatFlopsText(chart.domain[1]),
      laws: chart.series.map((s) => s.label).join(', '),
    }),
    t('calcSummaryMarker', {
      C: formatFlopsText(chart.marker.C),
      values: chart.marker.dots.map((d) => `${d.label} ${valueText(chart.kind, d.y)}`).join('; '),
    }),
    missing.length > 0 && t('calcSummaryMissing', { list: missing.join(', ') }),
  ]);
}

/** The numbers behind the chart, one row per decade of compute, visually hidden. */
export function chartTable(chart: CalcChart, t: CalculatorTranslate): TemplateResult | typeof nothing {
  const decades = logTicks(chart.domain, 12).major;
  const rows = decades.map((C) => [formatFlopsText(C), ...chart.series.map((s) => valueText(chart.kind, valueAt(s.source, chart.kind, C)))]);
  const what = chart.kind === 'loss' ? t('calcAxisLoss') : t('calcAxisN');
  return dataTable(t('calcChartTable', { y: what }), [t('axisC'), ...chart.series.map((s) => s.label)], rows, 'chart-table');
}

const rowSentence = (r: CalcRow, t: CalculatorTranslate): string => {
  if (!Number.isFinite(r.N)) return t('calcAnnounceNone', { label: r.short });
  const vars = { label: r.short, N: formatCountText(r.N), D: formatCountText(r.D), r: formatPlain(r.tokensPerParam), loss: formatPlain(r.loss, 4) };
  return t(Number.isFinite(r.loss) ? 'calcAnnounceRow' : 'calcAnnounceAllocation', vars);
};

/** What the polite live region says after a change: the budget and each law's split. */
export const announcement = (result: CalcResult, t: CalculatorTranslate): string =>
  summary([t('calcAnnounce', { C: formatFlopsText(result.budget.C) }), ...result.rows.map((r) => rowSentence(r, t))]);

const CSV_COLUMNS = [
  'law', 'label', 'kind', 'C_flops', 'N', 'D', 'tokens_per_param', 'loss', 'M_flops_per_token',
  'inference_tokens', 'inference_N', 'inference_D', 'inference_tokens_per_param', 'inference_saving_fraction',
  'gpu_hours', 'days', 'gpus', 'dollars', 'kWh', 'co2e_kg', 'hardware', 'peak_flops_per_s', 'mfu', 'price_per_gpu_hour', 'note',
];

const num = (x: number | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** The table as CSV, one line per law, every number at full precision. */
export function resultCsv(result: CalcResult): string {
  const { budget: b, scenario: s } = result;
  return toCsv(CSV_COLUMNS, result.rows.map((r) => [
    r.key, r.kind === 'fit' ? sourcedLabel(r) : r.label, r.kind, num(b.C), num(r.N), num(r.D), num(r.tokensPerParam), num(r.loss), num(r.M),
    num(s.inferenceTokens), num(r.inference?.N), num(r.inference?.D), num(r.inference?.tokensPerParam), num(r.inference?.savingFraction),
    num(b.gpuHours), num(b.days), b.gpus, num(b.dollars), num(b.kWh), num(b.co2eKg), b.hardware.id, b.hardware.peakFlops, b.mfu, b.pricePerGpuHour, r.note ?? '',
  ]));
}

/** The scenario, the budget and every row as JSON, with the hash fields that reproduce it. */
export function resultJson(result: CalcResult, sources: readonly LawSource[]): string {
  const fit = sources.find((s) => s.kind === 'fit');
  return toJson({
    scenario: result.scenario,
    hash: scenarioFields(result.scenario),
    budget: result.budget,
    rows: result.rows.map((r) => ({ ...r, N: num(r.N), D: num(r.D), tokensPerParam: num(r.tokensPerParam), loss: num(r.loss) })),
    ...(fit ? { fit: fit.law } : {}),
  });
}

/** Cursor dots and tooltip lines at C = v: each drawn law's value there. */
export function cursorAt(chart: CalcChart | undefined, v: number, t: CalculatorTranslate): { dots: { y: number; className: string }[]; lines: string[] } {
  if (!chart) return { dots: [], lines: [] };
  const ys = chart.series.map((s) => valueAt(s.source, chart.kind, v));
  return {
    dots: ys.map((y, i) => ({ y, className: chart.series[i].className })),
    lines: [`C = ${formatFlopsText(v)} ${t('unitFlops')}`, ...chart.series.map((s, i) => `${s.label}: ${valueText(chart.kind, ys[i])}`)],
  };
}

/** The ignored parts of the URL hash, in words (as text, each part isolated: the hash is anyone's to write). */
export function hashNotice(problems: readonly HashProblem[], key: string, t: CalculatorTranslate): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  const list = problems.map((p) => (p.value === undefined ? `“${isolate(p.field)}”` : `${isolate(p.field)}: “${isolate(p.value)}”`)).join('; ');
  return html`<p class="notice" role="status" part="notice">${t('calcHashProblem', { key, list })}</p>`;
}

/** The live region: polite, text only. */
export const liveRegion = (text: string): TemplateResult =>
  html`<p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" part="announce">${text}</p>`;

/**
 * While a typed input does not read (part="stale"): the numbers under it are
 * for the last valid inputs, and which fields to correct; the host dims them
 * and its `result` is undefined until the fields read again.
 */
export function staleNote(problems: Partial<Record<string, string>>, t: CalculatorTranslate): TemplateResult | typeof nothing {
  const fields = Object.keys(problems);
  if (fields.length === 0) return nothing;
  return html`<p class="stale-note" part="stale" role="status">${t('calcStale')}</p>`;
}
