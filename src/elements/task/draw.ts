/**
 * The <scaling-task> chart from its plot model (model.ts), as a detached SVG,
 * in one of three views:
 *   - metric: the score against compute — runs (held-out ones hollow), the
 *     chained prediction along the ray with its band, each held-out run's own
 *     prediction (a diamond with its interval), and the chance level;
 *   - loss: the first step, loss against compute, drawn the same way;
 *   - step: the second step, the score against the loss, with the task law.
 * Returns the svg plus the scales the element needs for tooltips and the cursor.
 */

import { max, min } from 'd3-array';
import { axisX, axisY, grid, type AxisOptions } from '../../chart/axes.js';
import { chartSvg, FRAME_DEFAULTS, makeFrame, plotArea, xRange, yRange, type Frame } from '../../chart/frame.js';
import { band, type Interval } from '../../chart/marks/band.js';
import { legend, type LegendItem } from '../../chart/marks/legend.js';
import { line, type XY } from '../../chart/marks/line.js';
import { exposeMarks, points } from '../../chart/marks/points.js';
import { A11Y_LIMITS, focusFirstMarks, grouped } from '../../chart/a11y.js';
import { domainOf, positionScale, type PositionScale, type ScaleType } from '../../chart/scales.js';
import { group, svgElement, textNode } from '../../chart/svg.js';
import { formatValue } from '../../chart/ticks.js';
import type { TaskTranslate } from '../../i18n/index.js';
import { TASK_DEFAULTS, type HeldOutMark, type TaskPlot, type TaskView } from './model.js';

export interface TaskDrawing {
  svg: SVGSVGElement;
  frame: Frame;
  x: PositionScale;
  y: PositionScale;
  xType: ScaleType;
  /** Indices of the runs drawn, in drawing order (circle data-index i is runIndices[i]). */
  runIndices: number[];
}

export interface TaskDrawOptions {
  width: number;
  height: number;
  /** Add the legend's height to `height` (a default height), rather than take it from the plot. */
  legendExtra?: boolean;
  view: TaskView;
  t: TaskTranslate;
  ariaLabel: string;
  /** The y-axis title of the score views. */
  metricTitle: string;
  /** The loss axis's title (the element's y-label, or its words). */
  lossTitle: string;
  runLabel: (i: number) => string;
}

/** What a view plots: x and y of run i, of a held-out prediction, the line and band. */
interface ViewSpec {
  xType: ScaleType;
  yType: ScaleType;
  runX: (i: number) => number;
  runY: (i: number) => number;
  predicted: (h: HeldOutMark) => XY;
  whisker: (h: HeldOutMark) => Interval | undefined;
  line: XY[];
  band?: Interval[];
  chance: boolean;
}

function viewSpec(m: TaskPlot, view: TaskView): ViewSpec {
  const r = m.runs;
  if (view === 'loss') {
    return {
      xType: 'log', yType: 'log', runX: (i) => r.C[i], runY: (i) => r.loss[i],
      predicted: (h) => ({ x: h.C, y: h.predictedLoss }), whisker: (h) => h.lossInterval,
      line: m.lossLine, band: m.lossBand, chance: false,
    };
  }
  if (view === 'step') {
    return {
      xType: 'linear', yType: 'linear', runX: (i) => r.loss[i], runY: (i) => m.metric[i],
      predicted: (h) => ({ x: h.predictedLoss, y: h.predicted }), whisker: () => undefined,
      line: m.stepLine, chance: true,
    };
  }
  return {
    xType: 'log', yType: 'linear', runX: (i) => r.C[i], runY: (i) => m.metric[i],
    predicted: (h) => ({ x: h.C, y: h.predicted }), whisker: (h) => h.interval,
    line: m.metricLine, band: m.metricBand, chance: true,
  };
}

function legendItems(m: TaskPlot, view: TaskView, t: TaskTranslate): LegendItem[] {
  const r = Number(m.ratio.toPrecision(3));
  const items: LegendItem[] = [{ label: t('taskRunsFitted'), className: 'fitted-run', symbol: 'point' }];
  if (m.heldOut.length) items.push({ label: t('taskRunsHeldOut'), className: 'held-out', symbol: 'point' });
  items.push({ label: view === 'step' ? t('taskStepLine') : t(view === 'loss' ? 'taskLossLine' : 'taskChainLine', { r }), className: 'chain', symbol: 'line' });
  if (m.heldOut.length) items.push({ label: t('taskPredictedMarks'), className: 'predicted', symbol: 'point' });
  if (view !== 'step' && m.metricBand) items.push({ label: t('taskBand', { level: Math.round(TASK_DEFAULTS.level * 100) }), className: 'chain', symbol: 'band' });
  if (view !== 'loss' && m.chance !== undefined) items.push({ label: `${t('taskChance')} (${formatValue('decimal', m.chance, 3)})`, className: 'chance', symbol: 'line' });
  return items;
}

/** A diamond at each held-out run's prediction, with a whisker over its interval when there is one. */
function predictionMarks(m: TaskPlot, spec: ViewSpec, x: PositionScale, y: PositionScale, clipId: string): SVGGElement {
  const g = group('mark predictions', { part: 'predictions', 'clip-path': `url(#${clipId})` });
  for (const h of m.heldOut) {
    const p = spec.predicted(h), px = x(p.x), py = y(p.y), w = spec.whisker(h);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    if (w && Number.isFinite(y(w.lo)) && Number.isFinite(y(w.hi))) {
      g.append(svgElement('line', { class: 'whisker', x1: px, x2: px, y1: y(w.lo), y2: y(w.hi) }));
    }
    g.append(svgElement('path', { class: 'predicted', d: `M${px},${py - 5.5}l5.5,5.5l-5.5,5.5l-5.5,-5.5z`, 'data-index': h.index }));
  }
  return g;
}

/**
 * The chance level as a dashed line, named at the end (left or right) where
 * no run is near it, so the label never sits on a point.
 */
function chanceLine(level: number, y: PositionScale, frame: Frame, label: string, runPixels: readonly XY[]): SVGGElement | undefined {
  const py = y(level), [left, right] = xRange(frame), [bottom, top] = yRange(frame);
  if (!(py >= top && py <= bottom)) return undefined;
  const reach = 0.3 * (right - left);
  const clearance = (x0: number, x1: number) => min(runPixels.filter((p) => p.x >= x0 && p.x <= x1), (p) => Math.abs(p.y - py)) ?? Infinity;
  const atRight = clearance(right - reach, right) > clearance(left, left + reach);
  const g = group('chance', { part: 'chance' });
  g.append(svgElement('line', { x1: left, x2: right, y1: py, y2: py }));
  // Above the line, or below it when the line hugs the top.
  g.append(textNode(label, { x: atRight ? right - 4 : left + 4, y: py - 5 < top + 10 ? py + 13 : py - 5, 'text-anchor': atRight ? 'end' : 'start' }));
  return g;
}

export function drawTask(m: TaskPlot, o: TaskDrawOptions): TaskDrawing {
  const { t, view } = o;
  const spec = viewSpec(m, view);
  const margin = FRAME_DEFAULTS.margin;
  const key = legend(legendItems(m, view, t), { x: margin.left, y: margin.top, width: Math.max(120, o.width - margin.left - margin.right) });
  const frame = makeFrame(o.width, o.height + (o.legendExtra ? key.height + 8 : 0), key.height + 8, { left: 62 });
  const runIndices = Array.from(m.runs.N.keys());

  // The runs and predictions decide the range; lines, bands and chance widen it a little at most.
  const xs = runIndices.map(spec.runX).concat(m.heldOut.map((h) => spec.predicted(h).x));
  const ys = runIndices.map(spec.runY).concat(m.heldOut.map((h) => spec.predicted(h).y));
  for (const h of m.heldOut) {
    const w = spec.whisker(h);
    if (w) ys.push(w.lo, w.hi);
  }
  if (spec.chance && m.chance !== undefined) ys.push(m.chance);
  const xDomain = view === 'step' ? (domainOf('linear', xs, 0.06) ?? [0, 1]) : m.domain;
  const lo = min(ys) ?? 0, hi = max(ys) ?? 1, spread = hi - lo || Math.abs(hi) || 1;
  const near = (v: number) => v >= lo - 0.1 * spread && v <= hi + 0.1 * spread;
  const shownX = (p: XY) => p.x >= xDomain[0] && p.x <= xDomain[1];
  const all = ys.concat(spec.line.filter(shownX).map((p) => p.y).filter(near));
  const yDomain = domainOf(spec.yType, all, 0.05) ?? [0, 1];
  const x = positionScale(spec.xType, xDomain, xRange(frame));
  const y = positionScale(spec.yType, yDomain, yRange(frame));
  const xo: AxisOptions = view === 'step' ? { type: 'linear', quantity: 'decimal', title: o.lossTitle } : { type: 'log', quantity: 'flops', title: t('axisC') };
  const yo: AxisOptions = { type: spec.yType, quantity: 'decimal', title: view === 'loss' ? o.lossTitle : o.metricTitle };

  const { svg, clipId } = chartSvg(frame, o.ariaLabel);
  svg.setAttribute('part', 'svg');
  svg.append(plotArea(frame), grid(x, y, xo, yo), axisX(x, frame, xo), axisY(y, frame, yo));
  if (spec.chance && m.chance !== undefined) {
    const c = chanceLine(m.chance, y, frame, t('taskChance'), runIndices.map((i) => ({ x: x(spec.runX(i)), y: y(spec.runY(i)) })));
    if (c) svg.append(c);
  }
  if (spec.band) svg.append(band(spec.band, { x, y }, { className: 'chain', clipId }));
  svg.append(line(spec.line, { x, y }, { className: 'chain', clipId, label: view === 'step' ? t('taskStepLine') : t('taskChained') }));
  if (m.heldOut.length) svg.append(predictionMarks(m, spec, x, y, clipId));
  const marks = points(runIndices, { x, y }, {
    x: spec.runX, y: spec.runY, clipId,
    className: (i) => (m.fits.heldOut[i] ? 'held-out' : 'fitted-run'),
  });
  focusFirstMarks(marks, (pos) => o.runLabel(runIndices[pos]), t('marksCapped', { n: grouped(runIndices.length), shown: grouped(A11Y_LIMITS.focusableMarks) }));
  svg.append(marks);
  svg.append(key.node);
  exposeMarks(svg);
  return { svg, frame, x, y, xType: spec.xType, runIndices };
}
