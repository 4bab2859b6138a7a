/**
 * ChartView: the calculator's chart as it is kept between updates, of the
 * kind and size its `chart` and `height` attributes ask for. The curves are
 * drawn again only when the laws, the curves, the language or the size
 * change; a new budget alone moves the marker on the drawing already there,
 * so a slider drag stays cheap. The hidden table of the chart's numbers is
 * made once per drawing, and a click on the chart is turned into the budget
 * under it. Apart from the element because this cache (the drawing, its key,
 * its table) is state only the chart has.
 */

import { nothing } from 'lit';
import { pointerPosition } from '../../chart/pointer.js';
import type { CalculatorTranslate, Lang } from '../../i18n/index.js';
import { chartWidth, choiceAttr, heightAttr } from '../attributes.js';
import type { CalcResult, LawSource } from './model.js';
import { CHART_DEFAULTS, CHART_KINDS, chartKey, chartModel, drawCalcChart, moveMarker, type CalcChart, type CalcDrawing } from './draw.js';
import { chartSummary, chartTable } from './describe.js';
import { flopsFromSlider } from './format.js';

export interface ChartViewOptions {
  /** The `chart` and `height` attributes. */
  chart: unknown;
  height: unknown;
  /** The width the element has, measured only when a chart is to be drawn. */
  width: () => number;
  t: CalculatorTranslate;
  lang: Lang;
}

export class ChartView {
  /** The chart's curves and marker, or undefined when no chart is shown. */
  data?: CalcChart;
  /** The drawn chart, or undefined when no chart is shown. */
  drawing?: CalcDrawing;
  private drawnKey = '';
  private tableFor = '';
  private table: unknown = nothing;

  /** Forgets the chart (an input is invalid): the next one is drawn afresh. */
  clear(): void {
    this.data = this.drawing = undefined;
    this.drawnKey = '';
  }

  /** Shows the chart of `calc` (none for chart="none"); `sourcesKey` changes whenever the laws do. Throws for an unknown kind. */
  update(calc: CalcResult, sources: readonly LawSource[], sourcesKey: string, o: ChartViewOptions): void {
    const t = o.t;
    const kind = choiceAttr(o.chart, 'chart', CHART_KINDS, 'loss', t);
    if (kind === 'none') {
      this.data = this.drawing = undefined;
      return;
    }
    const width = chartWidth(o.width());
    const height = heightAttr(o.height) ?? CHART_DEFAULTS.height;
    this.data = chartModel(calc, sources, kind);
    const label = chartSummary(this.data, calc, t);
    const key = `${sourcesKey}|${chartKey(this.data)}|${o.lang}|${width}|${height}`;
    if (key === this.drawnKey && this.drawing) return moveMarker(this.drawing, this.data, label);
    this.drawnKey = key;
    this.drawing = drawCalcChart(this.data, { width, height, t, ariaLabel: label });
  }

  /** The chart's numbers as a hidden table; they change with the curves, not with the budget. */
  hiddenTable(t: CalculatorTranslate): unknown {
    if (this.tableFor !== this.drawnKey) (this.tableFor = this.drawnKey, this.table = chartTable(this.data!, t));
    return this.table;
  }

  /** The budget in FLOPs under a click on the chart, or undefined for a click beside the plot area. */
  flopsAt(e: MouseEvent): number | undefined {
    const d = this.drawing;
    if (!d) return undefined;
    const p = pointerPosition(d.svg, e);
    const [x0, x1] = d.x.range();
    return p.x >= x0 && p.x <= x1 ? flopsFromSlider(Math.round(Math.log10(d.x.invert(p.x)) * 100) / 100) : undefined;
  }
}
