/**
 * The calculator's results as Lit templates: the budget's cost in a row of
 * figures (compute, GPU-hours, wall clock, dollars, energy, CO₂e) with the
 * assumptions under it, and a table with one column per law (N*, D*, tokens
 * per parameter, predicted loss, and the inference-aware split when
 * inference tokens are given). Cells show readable values; `title` holds the
 * full precision. Everything is bound as text.
 */

import { html, nothing, type TemplateResult } from 'lit';
import { COST_DEFAULTS } from '../../core/cost.js';
import type { CalculatorTranslate } from '../../i18n/index.js';
import {
  formatCountText, formatEmissions, formatEnergy, formatFlopsText, formatMoney, formatPercent, formatPlain, fullText,
} from './format.js';
import { hardwareLabel } from './controls.js';
import { sourcedLabel, type CalcResult, type CalcRow } from './model.js';

type Cell = (r: CalcRow) => { text: string; full?: number; title?: string };

interface Line { label: string; cell: Cell }

/** The table's rows: quantity label and how to read each law's cell. */
export function tableLines(result: CalcResult, t: CalculatorTranslate): Line[] {
  const lines: Line[] = [
    { label: t('calcRowN'), cell: (r) => ({ text: `${r.M !== undefined ? '≈ ' : ''}${formatCountText(r.N)}`, full: r.N }) },
    { label: t('calcRowD'), cell: (r) => ({ text: formatCountText(r.D), full: r.D }) },
    { label: t('calcRowRatio'), cell: (r) => ({ text: formatPlain(r.tokensPerParam), full: r.tokensPerParam }) },
    { label: t('calcRowLoss'), cell: (r) => (r.kind === 'allocation' ? { text: '—', title: t('calcNoLoss') } : { text: formatPlain(r.loss, 4), full: r.loss }) },
  ];
  if (result.scenario.inferenceTokens > 0) {
    const none = { text: '—', title: t('calcNoLoss') };
    lines.push(
      { label: t('calcRowInfN'), cell: (r) => (r.inference ? { text: formatCountText(r.inference.N), full: r.inference.N } : none) },
      { label: t('calcRowInfD'), cell: (r) => (r.inference ? { text: formatCountText(r.inference.D), full: r.inference.D } : none) },
      { label: t('calcRowInfRatio'), cell: (r) => (r.inference ? { text: formatPlain(r.inference.tokensPerParam), full: r.inference.tokensPerParam } : none) },
      { label: t('calcRowInfSaving'), cell: (r) => (r.inference ? { text: formatPercent(r.inference.savingFraction), full: r.inference.savingFraction } : none) },
    );
  }
  return lines;
}

/** The budget figures: label, readable value, an optional second line, full precision. */
export function budgetFigures(result: CalcResult, t: CalculatorTranslate): [string, string, string, number][] {
  const b = result.budget;
  return [
    [t('calcCompute'), formatFlopsText(b.C), t('unitFlops'), b.C],
    [t('calcGpuHours'), formatCountText(b.gpuHours), hardwareLabel(b.hardware).split(' · ')[0], b.gpuHours],
    [t('calcWallClock'), t('calcDaysValue', { d: formatPlain(b.days) }), t('calcOnGpus', { gpus: b.gpus.toLocaleString('en-US') }), b.days],
    [t('calcCost'), formatMoney(b.dollars), t('calcPerGpuHour', { price: formatPlain(b.pricePerGpuHour) }), b.dollars],
    [t('calcEnergy'), formatEnergy(b.kWh), `PUE ${b.pue}`, b.kWh],
    [t('calcEmissions'), formatEmissions(b.co2eKg), t('calcGrid', { grid: b.gridIntensity }), b.co2eKg],
  ];
}

export function renderBudget(result: CalcResult, t: CalculatorTranslate): TemplateResult {
  const b = result.budget;
  return html`<dl class="budget" part="budget">
      ${budgetFigures(result, t).map(([label, text, sub, full]) => html`<div><dt>${label}</dt><dd title=${fullText(full)}>${text}</dd><dd class="sub">${sub}</dd></div>`)}
    </dl>
    <p class="assumptions" part="assumptions">${t('calcAssumptions', {
      hw: hardwareLabel(b.hardware), mfu: formatPlain(b.mfu * 100), price: formatPlain(b.pricePerGpuHour),
      pue: b.pue ?? COST_DEFAULTS.pue, grid: b.gridIntensity ?? COST_DEFAULTS.gridIntensity,
    })}</p>`;
}

/** A law's column header: its short name for readers; the full name, with the preset's or the linked fit's id, in the tooltip. */
const head = (r: CalcRow): TemplateResult => html`<th scope="col" title=${sourcedLabel(r)}><span class="swatch ${r.className}" aria-hidden="true"></span>${r.short}</th>`;

export function renderTable(result: CalcResult, t: CalculatorTranslate): TemplateResult {
  const { rows } = result;
  const notes = rows.some((r) => r.note);
  const title = t('calcTableCaption', { C: formatFlopsText(result.budget.C) });
  // The table may scroll sideways on a phone, and its caption with it: the title readers see wraps
  // above the scrolling box instead; the caption stays for assistive technology. The box is focusable
  // and named, so a keyboard can scroll it.
  return html`<p class="table-title" aria-hidden="true">${title}</p><div class="table-wrap scroll-x" part="table-wrap" tabindex="0" role="region" aria-label=${title}>
    <table class="results" part="table">
      <caption class="visually-hidden">${title}</caption>
      <thead><tr><th scope="col"><span class="visually-hidden">${t('calcQuantity')}</span></th>${rows.map(head)}</tr></thead>
      <tbody>
        ${tableLines(result, t).map((line) => html`<tr><th scope="row">${line.label}</th>${rows.map((r) => {
          const c = line.cell(r);
          return html`<td title=${c.title ?? fullText(c.full)}>${c.text}</td>`;
        })}</tr>`)}
        ${notes ? html`<tr class="notes"><th scope="row">${t('calcNotes')}</th>${rows.map((r) => html`<td>${r.note ?? ''}</td>`)}</tr>` : nothing}
      </tbody>
    </table>
  </div>`;
}
