/**
 * The <scaling-fit> chart from its plot model (model.ts), as a detached SVG:
 *   - fit view: runs as points coloured by model size on log–log axes, the
 *     fitted law at each size (or the law of x alone), the compute-optimal
 *     frontier as a labelled dashed line, and the bootstrap band around it;
 *   - residual view: ln L − ln L̂ per run against x, around a zero line.
 * Returns the svg plus the scales the element needs for tooltips and the cursor.
 */

import { max, min } from 'd3-array';
import type { LossVariable } from '../../core/forms-eval.js';
import { axisX, axisY, grid, type AxisOptions } from '../../chart/axes.js';
import { chartSvg, FRAME_DEFAULTS, makeFrame, plotArea, xRange, yRange, type Frame } from '../../chart/frame.js';
import { band } from '../../chart/marks/band.js';
import { legend, textWidth, type LegendItem } from '../../chart/marks/legend.js';
import { placeLabel, type Box } from '../../chart/place-label.js';
import { line, type XY } from '../../chart/marks/line.js';
import { exposeMarks, points } from '../../chart/marks/points.js';
import { A11Y_LIMITS, focusFirstMarks, grouped } from '../../chart/a11y.js';
import { domainOf, linearDomain, positionScale, type PositionScale } from '../../chart/scales.js';
import { group, svgElement, textNode } from '../../chart/svg.js';
import { quantityOf } from '../../chart/ticks.js';
import type { FitTranslate } from '../../i18n/index.js';
import { FIT_DEFAULTS, type FitPlot } from './model.js';

export interface FitDrawing {
  svg: SVGSVGElement;
  frame: Frame;
  x: PositionScale;
  y: PositionScale;
  yType: 'log' | 'linear';
  /** Indices of the runs inside the view, in drawing order (circle data-index i is runIndices[i]). */
  runIndices: number[];
}

export interface FitDrawOptions {
  /** The loss axis's title (the element's y-label, or its words). */
  lossTitle: string;
  width: number;
  height: number;
  t: FitTranslate;
  ariaLabel: string;
  residuals: boolean;
  /** Accessible name of run i. */
  runLabel: (i: number) => string;
}

export const AXIS_TITLE: Record<LossVariable, 'axisN' | 'axisD' | 'axisC'> = { N: 'axisN', D: 'axisD', C: 'axisC' };
const FRONTIER_LABEL: Record<LossVariable, string> = { C: 'L*(C)', N: 'L*(N*)', D: 'L*(D*)' };

function legendItems(m: FitPlot, residuals: boolean, t: FitTranslate): LegendItem[] {
  const items: LegendItem[] = m.groups.map((g) => ({ label: g.label, className: g.className, symbol: 'point' }));
  if (residuals) return items;
  if (m.lines.length > 1) items.push({ label: t('fitLawLines'), className: 'size-lines', symbol: 'sizes' });
  if (m.lines.length === 1) items.push({ label: m.lines[0].label, className: m.lines[0].className, symbol: 'line' });
  if (m.frontier.length) items.push({ label: `${t('fitFrontier')} ${FRONTIER_LABEL[m.x]}`, className: 'frontier', symbol: 'line' });
  if (m.band) items.push({ label: t('fitBand', { level: Math.round(FIT_DEFAULTS.level * 100) }), className: 'frontier', symbol: 'band' });
  return items;
}

/**
 * The frontier's name beside its visible part, where it overlaps no run, no
 * fitted curve and not the frontier itself: tried above then below the line,
 * from the right end leftwards; dropped when nowhere is free (the legend names
 * the frontier too).
 */
function frontierLabel(m: FitPlot, x: PositionScale, y: PositionScale, frame: Frame, runs: readonly XY[]): SVGGElement | undefined {
  const [left, right] = xRange(frame), [bottom, top] = yRange(frame);
  const px = (s: readonly { x: number; y: number }[]) => s.map((p) => ({ x: x(p.x), y: y(p.y) }));
  const frontier = px(m.frontier);
  const visible = frontier.filter((p) => p.x >= left && p.x <= right && p.y >= top && p.y <= bottom);
  if (visible.length === 0) return undefined;
  const text = FRONTIER_LABEL[m.x], w = textWidth(text, 11) + 4, h = 13;
  const candidates: Box[] = [];
  for (let k = visible.length - 1; k >= 0; k -= Math.max(1, Math.floor(visible.length / 12))) {
    const p = visible[k];
    for (const dy of [-6 - h, 6]) candidates.push({ x0: Math.min(p.x, right - 2) - w, y0: p.y + dy, x1: Math.min(p.x, right - 2), y1: p.y + dy + h });
  }
  const box = placeLabel(candidates, { points: runs, radius: 4, lines: [frontier, ...m.lines.map((l) => px(l.samples))] }, { x0: left, y0: top, x1: right, y1: bottom });
  if (!box) return undefined;
  const g = group('frontier-label', { part: 'frontier-label' });
  g.append(textNode(text, { x: box.x1, y: box.y1 - 3, 'text-anchor': 'end' }));
  return g;
}

export function drawFit(m: FitPlot, o: FitDrawOptions): FitDrawing {
  const { t } = o;
  const margin = FRAME_DEFAULTS.margin;
  const key = legend(legendItems(m, o.residuals, t), { x: margin.left, y: margin.top, width: Math.max(120, o.width - margin.left - margin.right) });
  const frame = makeFrame(o.width, o.height, key.height + 8, { left: o.residuals ? 64 : 58 });
  const [v0, v1] = m.view, runs = m.runs;
  const runIndices: number[] = [];
  runs[m.x].forEach((v, i) => { if (v >= v0 && v <= v1) runIndices.push(i); });

  const yType = o.residuals ? 'linear' : 'log';
  const yValue = (i: number) => (o.residuals ? m.residual[i] : runs.loss[i]);
  // d3-array's min/max and concat, never Math.min(...ys) or push(...): a spread of ~130k runs overflows the stack.
  let ys = runIndices.map(yValue);
  if (o.residuals) {
    const r = Math.max(1e-6, max(ys, (y) => (Number.isFinite(y) ? Math.abs(y) : NaN)) ?? 0);
    ys = [-r, r];
  } else {
    // Curves widen the range a little at most: the runs decide what is shown; the rest is clipped.
    const lo = (min(ys) ?? Infinity) / 1.08, hi = (max(ys) ?? -Infinity) * 1.08;
    const shown = (s: { x: number; y: number }) => s.x >= v0 && s.x <= v1 && s.y >= lo && s.y <= hi;
    ys = ys.concat(m.lines.flatMap((l) => l.samples.filter(shown).map((s) => s.y)), m.frontier.filter(shown).map((s) => s.y));
  }
  const yDomain = (o.residuals ? linearDomain([ys[0], ys[1]], 0.08) : domainOf('log', ys, 0.05)) ?? [1, 10];
  const x = positionScale('log', [v0, v1], xRange(frame));
  const y = positionScale(yType, yDomain, yRange(frame));
  const xo: AxisOptions = { type: 'log', quantity: quantityOf(m.x), title: t(AXIS_TITLE[m.x]) };
  const yo: AxisOptions = { type: yType, quantity: 'decimal', title: o.residuals ? t('axisResidual') : o.lossTitle };

  const { svg, clipId } = chartSvg(frame, o.ariaLabel);
  svg.setAttribute('part', 'svg');
  svg.append(plotArea(frame), grid(x, y, xo, yo), axisX(x, frame, xo), axisY(y, frame, yo));
  if (o.residuals) {
    const zero = group('zero', { part: 'zero' });
    zero.append(svgElement('line', { x1: xRange(frame)[0], x2: xRange(frame)[1], y1: y(0), y2: y(0) }));
    svg.append(zero);
  } else {
    if (m.band) svg.append(band(m.band, { x, y }, { className: 'frontier', clipId }));
    for (const l of m.lines) svg.append(line(l.samples, { x, y }, { className: `fitted ${l.className}`, clipId, label: l.label }));
    if (m.frontier.length) {
      svg.append(line(m.frontier, { x, y }, { className: 'frontier', clipId, label: t('fitFrontier') }));
      const label = frontierLabel(m, x, y, frame, runIndices.map((i) => ({ x: x(runs[m.x][i]), y: y(yValue(i)) })));
      if (label) svg.append(label);
    }
  }
  const marks = points(runIndices, { x, y }, {
    x: (i) => runs[m.x][i],
    y: yValue,
    className: (i) => m.classOf[i],
    clipId,
  });
  // Only the first A11Y_LIMITS.focusableMarks runs are focusable and labelled (10,000 labels cost 1–2 s); the group says how many there are.
  focusFirstMarks(marks, (pos) => o.runLabel(runIndices[pos]), t('marksCapped', { n: grouped(runIndices.length), shown: grouped(A11Y_LIMITS.focusableMarks) }));
  svg.append(marks);
  svg.append(key.node);
  exposeMarks(svg); // focusable points: the chart is a group, not one image
  return { svg, frame, x, y, yType, runIndices };
}
