/**
 * The <scaling-curve> chart from its model: legend on top, grid, axes, one
 * line per law, runs as points coloured by model size. Returns the detached
 * `<svg>` and the scales the element needs for the cursor and tooltips.
 */

import type { LossVariable } from '../../core/forms-eval.js';
import { axisX, axisY, grid, type AxisOptions } from '../../chart/axes.js';
import { chartSvg, FRAME_DEFAULTS, makeFrame, plotArea, xRange, yRange, type Frame } from '../../chart/frame.js';
import { legend, type LegendItem } from '../../chart/marks/legend.js';
import { line } from '../../chart/marks/line.js';
import { exposeMarks, points } from '../../chart/marks/points.js';
import { domainOf, extent, logBin, positionScale, type PositionScale } from '../../chart/scales.js';
import { quantityOf } from '../../chart/ticks.js';
import type { CurveTranslate } from '../../i18n/index.js';
import type { CurveModel } from './model.js';

export interface CurveDrawing {
  svg: SVGSVGElement;
  frame: Frame;
  x: PositionScale;
  y: PositionScale;
  /** Indices of the runs drawn (inside the view), in drawing order. */
  runIndices: number[];
}

export interface CurveDrawOptions {
  /** The loss axis's title (the element's y-label, or its words). */
  lossTitle: string;
  width: number;
  height: number;
  t: CurveTranslate;
  ariaLabel: string;
  /** Accessible name of run i. */
  runLabel: (i: number) => string;
}

export const AXIS_TITLE: Record<LossVariable, 'axisN' | 'axisD' | 'axisC'> = { N: 'axisN', D: 'axisD', C: 'axisC' };

export function drawCurve(model: CurveModel, o: CurveDrawOptions): CurveDrawing {
  const { t } = o;
  const m = FRAME_DEFAULTS.margin;
  const items: LegendItem[] = model.series.map((s) => ({ label: s.label, className: s.className, symbol: 'line' }));
  if (model.runs) items.push({ label: t('legendRuns'), className: 'size-3', symbol: 'point' });
  const key = legend(items, { x: m.left, y: m.top, width: Math.max(120, o.width - m.left - m.right) });
  const frame = makeFrame(o.width, o.height, key.height + 8);

  const [v0, v1] = model.view;
  const runs = model.runs;
  const runIndices: number[] = [];
  if (runs) runs[model.x].forEach((v, i) => { if (v >= v0 && v <= v1) runIndices.push(i); });
  const ys = [...model.series.flatMap((s) => s.samples.map((p) => p.y)), ...runIndices.map((i) => runs!.loss[i])];
  const yDomain = domainOf(model.yType, ys) ?? (model.yType === 'log' ? [1, 10] : [0, 1]);

  const x = positionScale('log', [v0, v1], xRange(frame));
  const y = positionScale(model.yType, yDomain as [number, number], yRange(frame));
  const xo: AxisOptions = { type: 'log', quantity: quantityOf(model.x), title: t(AXIS_TITLE[model.x]) };
  const yo: AxisOptions = { type: model.yType, quantity: 'decimal', title: o.lossTitle };

  const { svg, clipId } = chartSvg(frame, o.ariaLabel);
  svg.setAttribute('part', 'svg');
  svg.append(plotArea(frame), grid(x, y, xo, yo), axisX(x, frame, xo), axisY(y, frame, yo));
  for (const s of model.series) svg.append(line(s.samples, { x, y }, { className: s.className, clipId, label: s.label }));
  if (runs) {
    const sizes = extent(runs.N, true) ?? [1, 10];
    svg.append(points(runIndices, { x, y }, {
      x: (i) => runs[model.x][i],
      y: (i) => runs.loss[i],
      className: (i) => `size-${logBin(runs.N[i], sizes)}`,
      label: o.runLabel,
      clipId,
    }));
  }
  svg.append(key.node);
  exposeMarks(svg); // focusable points: the chart is a group, not one image
  return { svg, frame, x, y, runIndices };
}
