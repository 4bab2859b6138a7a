/**
 * The calculator's small chart: each law's compute-optimal loss L*(C) — or
 * its N*(C) — against training compute on a log axis, with a marker at the
 * chosen budget. The curves depend only on the law and the range, so they
 * are sampled once per law (cached by law object) and a budget change only
 * moves the marker (`moveMarker`). Returns a detached `<svg>` and its scales.
 */

import { allocationAt } from '../../core/preset-laws.js';
import { isTwoVariable } from '../../core/forms-eval.js';
import { optimalAllocation } from '../../core/planning.js';
import { axisX, axisY, grid, type AxisOptions } from '../../chart/axes.js';
import { chartSvg, FRAME_DEFAULTS, makeFrame, plotArea, xRange, yRange, type Frame } from '../../chart/frame.js';
import { legend } from '../../chart/marks/legend.js';
import { line, type XY } from '../../chart/marks/line.js';
import { domainOf, positionScale, type PositionScale } from '../../chart/scales.js';
import { group, svgElement, textNode } from '../../chart/svg.js';
import type { CalculatorTranslate } from '../../i18n/index.js';
import { formatFlopsText } from './format.js';
import { CALC_DEFAULTS, type CalcResult, type LawSource } from './model.js';

export type ChartKind = 'loss' | 'params';
export const CHART_KINDS = ['loss', 'params', 'none'] as const;

export interface ChartSeries { key: string; label: string; className: string; points: XY[]; source: LawSource }

export interface CalcChart {
  kind: ChartKind;
  domain: [number, number];
  series: ChartSeries[];
  /** The budget and each drawn law's value there. */
  marker: { C: number; dots: { y: number; className: string; label: string }[] };
}

export const CHART_DEFAULTS = { samples: 64, height: 260 };

const cache = new WeakMap<object, Map<string, XY[]>>();

/** L*(C) or N*(C) of one law at C; NaN where the core finds no optimum. */
export function valueAt(src: LawSource, kind: ChartKind, C: number): number {
  try {
    if (src.allocation) { const p = allocationAt(src.allocation, C); return p.N ?? (p.M as number) / 6; }
    const U = src.law?.form === 'data-constrained' ? CALC_DEFAULTS.U : undefined;
    const o = optimalAllocation(src.law!, C, { U });
    return kind === 'loss' ? o.loss : o.N;
  } catch {
    return NaN;
  }
}

/** The curve over the domain, evenly in log C, sampled once per law object and range. */
function curve(src: LawSource, kind: ChartKind, [lo, hi]: [number, number]): XY[] {
  const owner = (src.law ?? src.allocation) as object;
  const id = `${kind}|${lo}|${hi}`;
  let byRange = cache.get(owner);
  if (!byRange) cache.set(owner, (byRange = new Map()));
  const hit = byRange.get(id);
  if (hit) return hit;
  const n = CHART_DEFAULTS.samples, a = Math.log(lo), b = Math.log(hi);
  const points = Array.from({ length: n }, (_, i): XY => {
    const C = Math.exp(a + ((b - a) * i) / (n - 1));
    return { x: C, y: valueAt(src, kind, C) };
  });
  byRange.set(id, points);
  return points;
}

/** What to draw for this result: the laws that have the quantity, over the range that shows the budget (N*(C) when no law has a loss). */
export function chartModel(result: CalcResult, sources: readonly LawSource[], kind: ChartKind): CalcChart {
  const C = result.budget.C;
  const [lo, hi] = CALC_DEFAULTS.range;
  const domain: [number, number] = [Math.min(lo, C / 3), Math.max(hi, C * 3)];
  const series: ChartSeries[] = [];
  const dots: CalcChart['marker']['dots'] = [];
  sources.forEach((src, i) => {
    const row = result.rows[i];
    const drawable = kind === 'params' ? !!src.allocation || (src.law && isTwoVariable(src.law)) : !!src.law && isTwoVariable(src.law);
    if (!drawable) return;
    series.push({ key: src.key, label: src.short, className: row.className, points: curve(src, kind, domain), source: src });
    dots.push({ y: kind === 'loss' ? row.loss : row.N, className: row.className, label: src.short });
  });
  // Allocation rules only: no loss to draw, so show N*(C) instead.
  if (series.length === 0 && kind === 'loss') return chartModel(result, sources, 'params');
  return { kind, domain, series, marker: { C, dots } };
}

export interface CalcDrawing { svg: SVGSVGElement; frame: Frame; x: PositionScale; y: PositionScale }

export interface DrawOptions { width: number; height: number; t: CalculatorTranslate; ariaLabel: string }

/** The budget marker: a dashed rule, a dot on each curve and the budget's label. */
function marker(m: CalcChart['marker'], x: PositionScale, y: PositionScale, frame: Frame): SVGGElement {
  const g = group('budget', { part: 'marker' });
  const px = x(m.C);
  g.append(svgElement('line', { class: 'budget-rule', x1: px, x2: px, y1: frame.margin.top, y2: frame.height - frame.margin.bottom }));
  for (const d of m.dots) {
    const py = y(d.y);
    if (Number.isFinite(py)) g.append(svgElement('circle', { class: `budget-dot ${d.className}`, cx: px, cy: py, r: 4.5, 'data-label': d.label }));
  }
  const right = px > (frame.width - frame.margin.right + frame.margin.left) / 2;
  g.append(textNode(formatFlopsText(m.C), {
    class: 'budget-label', x: px + (right ? -6 : 6), y: frame.margin.top + 12, 'text-anchor': right ? 'end' : 'start',
  }));
  return g;
}

/**
 * Moves the marker of a drawn chart to a new budget on the same curves and
 * range (what a slider step needs: a tenth of the cost of a full drawing).
 */
export function moveMarker(d: CalcDrawing, model: CalcChart, ariaLabel: string): void {
  d.svg.querySelector('.budget')?.replaceWith(marker(model.marker, d.x, d.y, d.frame));
  d.svg.setAttribute('aria-label', ariaLabel);
}

/** What a drawing depends on besides the budget: when this key is unchanged, `moveMarker` is enough. */
export const chartKey = (model: CalcChart): string =>
  `${model.kind}|${model.domain.join()}|${model.series.map((s) => `${s.key}:${s.className}`).join()}`;

export function drawCalcChart(model: CalcChart, o: DrawOptions): CalcDrawing {
  const { t } = o;
  const m = FRAME_DEFAULTS.margin;
  const key = legend(model.series.map((s) => ({ label: s.label, className: s.className, symbol: 'line' as const })), {
    x: m.left, y: m.top, width: Math.max(120, o.width - m.left - m.right),
  });
  const frame = makeFrame(o.width, o.height, key.height + 6);
  // The curves alone set the y range, so a budget change never rescales the chart.
  const ys = model.series.flatMap((s) => s.points.map((p) => p.y));
  const yType = model.kind === 'loss' ? 'linear' : 'log';
  const yDomain = domainOf(yType, ys) ?? (yType === 'log' ? [1e9, 1e12] : [1, 4]);
  const x = positionScale('log', model.domain, xRange(frame));
  const y = positionScale(yType, yDomain as [number, number], yRange(frame));
  const xo: AxisOptions = { type: 'log', quantity: 'flops', title: t('axisC') };
  const yo: AxisOptions = model.kind === 'loss'
    ? { type: 'linear', quantity: 'decimal', title: t('calcAxisLoss') }
    : { type: 'log', quantity: 'count', title: t('calcAxisN') };

  const { svg, clipId } = chartSvg(frame, o.ariaLabel);
  svg.setAttribute('part', 'svg');
  svg.append(plotArea(frame), grid(x, y, xo, yo), axisX(x, frame, xo), axisY(y, frame, yo));
  for (const s of model.series) svg.append(line(s.points, { x, y }, { className: s.className, clipId, label: s.label }));
  svg.append(marker(model.marker, x, y, frame), key.node);
  return { svg, frame, x, y };
}
