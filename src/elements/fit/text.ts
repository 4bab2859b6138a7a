/**
 * <scaling-fit>'s words about single runs and points on the frontier: the
 * tooltip and aria-label of a run, its row in the hidden data table, and the
 * cursor read-out along the frontier (with the bootstrap band when shown).
 */

import type { CursorDot } from '../../chart/marks/cursor.js';
import { formatValue, quantityOf } from '../../chart/ticks.js';
import { summary, type TableCell } from '../../chart/a11y.js';
import type { FitResult } from '../../core/fit.js';
import { formatLaw } from '../../core/law-text.js';
import type { FitTranslate } from '../../i18n/index.js';
import { FIT_DEFAULTS, type FitPlot } from './model.js';
import { undeterminedKeys } from './params.js';
import { QUANTITY_WORD } from '../quantity-words.js';

const num = (x: number, digits = 4) => (Number.isFinite(x) ? formatValue('decimal', x, digits) : '—');

/** Run i as lines: N and D; C; loss; prediction and residual; input row. */
export function runLines(m: FitPlot, i: number, t: FitTranslate): string[] {
  const r = m.runs;
  if (i === undefined || !(i >= 0 && i < r.N.length)) return [];
  const lines = [
    `N = ${formatValue('count', r.N[i])}, D = ${formatValue('count', r.D[i])}`,
    `C = ${formatValue('flops', r.C[i])} ${t('unitFlops')}`,
    `${t('loss')} = ${num(r.loss[i])}`,
  ];
  if (Number.isFinite(m.predicted[i])) lines.push(`${t('fitPredicted')} = ${num(m.predicted[i])}, ${t('fitResidual')} = ${num(m.residual[i], 3)}`);
  lines.push(t('fitRowN', { row: r.rows[i] }));
  return lines;
}

/** Run i as a row of the hidden table. */
export function runRow(m: FitPlot, i: number): TableCell[] {
  const r = m.runs;
  return [r.rows[i], formatValue('count', r.N[i]), formatValue('count', r.D[i]), formatValue('flops', r.C[i]), num(r.loss[i]), num(m.predicted[i]), num(m.residual[i], 3)];
}

/** y at x on a polyline of (x, y) samples, interpolated in log–log; NaN outside. */
function along<T extends { x: number }>(samples: readonly T[], x: number, y: (s: T) => number): number {
  for (let k = 1; k < samples.length; k++) {
    const a = samples[k - 1], b = samples[k];
    if ((x - a.x) * (x - b.x) > 0) continue;
    const f = (Math.log(x) - Math.log(a.x)) / (Math.log(b.x) - Math.log(a.x) || 1);
    return Math.exp(Math.log(y(a)) + f * (Math.log(y(b)) - Math.log(y(a))));
  }
  return NaN;
}

/** The frontier at x = value: a dot and tooltip lines (x; L* with N*, D*; the band), or undefined. */
export function cursorText(m: FitPlot, value: number, t: FitTranslate): { dots: CursorDot[]; lines: string[] } | undefined {
  if (m.frontier.length === 0) return undefined;
  const L = along(m.frontier, value, (s) => s.y);
  if (!Number.isFinite(L)) return undefined;
  const N = along(m.frontier, value, (s) => s.N), D = along(m.frontier, value, (s) => s.D);
  const lines = [
    `${m.x} = ${formatValue(quantityOf(m.x), value)}`,
    `${t('fitFrontier')}: ${num(L)} (N* = ${formatValue('count', N, 3)}, D* = ${formatValue('count', D, 3)})`,
  ];
  if (m.band) {
    const lo = along(m.band, value, (b) => b.lo), hi = along(m.band, value, (b) => b.hi);
    if (Number.isFinite(lo) && Number.isFinite(hi)) lines.push(`${t('fitBand', { level: Math.round(FIT_DEFAULTS.level * 100) })}: ${num(lo)} – ${num(hi)}`);
  }
  return { dots: [{ y: L, className: 'frontier' }], lines };
}

/** The chart's accessible summary: what is plotted, how many runs, from where (`source` as RunsSourceController.sourceText gives it: a URL isolated), the fitted law, and a failure to converge. */
export function summaryText(m: FitPlot, result: FitResult | undefined, residuals: boolean, source: string, t: FitTranslate): string {
  const vars = { y: t(residuals ? 'fitSummaryResiduals' : 'loss'), x: t(QUANTITY_WORD[m.x]), n: m.runs.N.length, source };
  return summary([
    result ? t('fitSummary', { ...vars, law: formatLaw(result.law, 4) }) : t('fitSummaryPending', vars),
    result && !result.converged && t('fitSummaryNotConverged'),
    result && undeterminedKeys(result).size > 0 && t('fitSummaryUndetermined'),
  ]);
}
