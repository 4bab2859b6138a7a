/**
 * <scaling-curve multiplier>: two laws compared as a compute multiplier, the
 * way data-quality and architecture papers state a gain ("worth k× compute"):
 * at each budget C, the compute the first law needs to reach the loss the
 * second reaches there, over C (the core's computeMultiplier; docs/laws.md).
 * Read at the cursor, and at each decade of the view in a table, because the
 * multiplier usually drifts with scale.
 */

import { html, nothing, type TemplateResult } from 'lit';
import { computeMultiplier, type Multiplier } from '../../core/compare.js';
import { isTwoVariable } from '../../core/forms-eval.js';
import { isolate } from '../../chart/isolate.js';
import { formatValue, logTicks } from '../../chart/ticks.js';
import { powerText } from '../../format/numbers.js';
import type { CurveTranslate } from '../../i18n/index.js';
import { AttributeError } from '../attributes.js';
import type { CurveModel, CurveSeries } from './model.js';

/** Most rows of the table (one per decade of the view). */
const MAX_ROWS = 12;

/** The two series compared, first (A) against second (B); throws an AttributeError unless the chart allows it. */
export function multiplierPair(m: CurveModel, t: CurveTranslate): [CurveSeries, CurveSeries] {
  const [a, b] = m.series;
  if (m.x !== 'C' || m.series.length !== 2 || !isTwoVariable(a.law) || !isTwoVariable(b.law)) {
    throw new AttributeError('multiplier', t('errMultiplier', { n: m.series.length, x: m.x }));
  }
  return [a, b];
}

/** The multiplier at budget C, or undefined where a law cannot be planned there. */
export function multiplierAt([a, b]: [CurveSeries, CurveSeries], C: number): Multiplier | undefined {
  try {
    return computeMultiplier(a.law, b.law, [C])[0];
  } catch {
    return undefined;
  }
}

/** 2.62, 952, then 5.55×10⁵: past four digits a power of ten reads faster than 555000. */
const times = (k: number) => (Math.abs(k) < 1e4 ? formatValue('decimal', k, 3) : powerText(k, 3));

/** The cursor's line: how many times the compute the first law needs, or that it never gets there. */
export function multiplierLine(pair: [CurveSeries, CurveSeries], C: number, t: CurveTranslate): string | undefined {
  const m = multiplierAt(pair, C);
  if (!m) return undefined;
  const vars = { a: isolate(pair[0].label), b: isolate(pair[1].label), loss: formatValue('decimal', m.loss) };
  return Number.isFinite(m.multiplier) ? t('multiplierLine', { ...vars, k: times(m.multiplier) }) : t('multiplierNever', vars);
}

/** The multiplier at each decade of the view (part="multiplier"), with how it drifts across them. */
export function renderMultiplierTable(pair: [CurveSeries, CurveSeries], view: readonly [number, number], t: CurveTranslate): TemplateResult | typeof nothing {
  const budgets = logTicks(view, MAX_ROWS).major.slice(0, MAX_ROWS);
  const rows = budgets.map((C) => ({ C, m: multiplierAt(pair, C) })).filter((r) => r.m);
  if (rows.length === 0) return nothing;
  const k = (m: Multiplier) => (Number.isFinite(m.multiplier) ? `${times(m.multiplier)}×` : '∞');
  const first = rows[0], last = rows[rows.length - 1];
  return html`<div class="multiplier-wrap scroll-x"><table class="multiplier" part="multiplier">
    <caption>${t('multiplierCaption', { a: isolate(pair[0].label), b: isolate(pair[1].label) })}</caption>
    <thead><tr><th scope="col">C (${t('unitFlops')})</th><th scope="col">${t('loss')}</th><th scope="col">×</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr><th scope="row">${formatValue('flops', r.C, 3)}</th><td>${formatValue('decimal', r.m!.loss)}</td><td>${k(r.m!)}</td></tr>`)}</tbody>
    ${rows.length > 1 ? html`<tfoot><tr><td colspan="3">${t('multiplierDrift', { from: formatValue('flops', first.C, 3), to: formatValue('flops', last.C, 3), k0: k(first.m!), k1: k(last.m!) })}</td></tr></tfoot>` : nothing}
  </table></div>`;
}
