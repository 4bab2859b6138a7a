/**
 * Axes and grid lines for a frame, drawn into detached `<g>`s. Tick labels
 * come from ticks.ts (SI counts, FLOPs with a superscript exponent,
 * decimals); colours come from CSS (`currentColor`, `--scaling-*`), so a
 * theme change needs no redraw.
 *
 * The axis markup is d3-axis's, node for node and attribute for attribute
 * (a `path.domain`, then one `g.tick` with a `line` and a `text` per value),
 * so styles and exported SVG written for d3 axes still apply; we draw it
 * directly because a static axis needs neither d3-axis's transitions nor
 * d3-selection (~5 KB gzip of the single-file bundle). test/browser/axes-d3.test.ts
 * compares the two.
 */

import type { Frame } from './frame.js';
import type { PositionScale, ScaleType } from './scales.js';
import { group, svgElement, textNode } from './svg.js';
import { linearTicks, logTicks, tickLabel, type LogTicks, type Quantity, type TickLabel } from './ticks.js';
import { fitText } from './text-width.js';

/** Font size of axis titles (shared-styles.ts .axis-title); they are semi-bold, wider than textWidth's regular em. */
const TITLE_FONT = 12, TITLE_BOLD = 1.1;

/**
 * An axis title no longer than its axis: a longer one (a Chinese title on a
 * phone's small inset) is cut with an ellipsis rather than run into the next
 * text, and keeps its full words in a <title> tooltip.
 */
function axisTitle(title: string, room: number, attrs: Record<string, string | number>): SVGTextElement {
  const shown = fitText(title, Math.max(room, 0) / TITLE_BOLD, TITLE_FONT);
  const node = textNode(shown, attrs);
  if (shown !== title) {
    const full = svgElement('title');
    full.textContent = title;
    node.append(full);
  }
  return node;
}

export interface AxisOptions {
  type: ScaleType;
  quantity: Quantity;
  /** Axis title, drawn as text. */
  title?: string;
  /** Most labelled ticks; by default one per ~60 px (x) or ~36 px (y). */
  maxTicks?: number;
}

/** Labelled and minor tick values for a scale over `length` pixels. */
export function axisTicks(scale: PositionScale, o: AxisOptions, length: number, spacing: number): LogTicks {
  const domain = scale.domain() as [number, number];
  const max = o.maxTicks ?? Math.max(2, Math.floor(length / spacing));
  return o.type === 'log' ? logTicks(domain, max) : { major: linearTicks(domain, max), minor: [] };
}

/** Writes a label into a `<text>`: the text, then the exponent as a raised smaller `<tspan class="sup">`. */
export function writeLabel(node: SVGTextElement, label: TickLabel): void {
  node.textContent = label.text;
  if (label.sup) {
    const sup = svgElement('tspan', { class: 'sup', dy: '-0.5em', 'font-size': '0.75em' });
    sup.textContent = label.sup;
    node.append(sup);
  }
}

/** Half a pixel puts 1-px lines on whole device pixels at 1×; at higher densities none is needed (as d3-axis). */
const crispOffset = (): number => (typeof window !== 'undefined' && window.devicePixelRatio > 1 ? 0 : 0.5);

/**
 * The domain line and labelled ticks of a bottom or left axis into `g`, as d3-axis draws
 * them with tickSizeInner 6, tickSizeOuter 0 and tickPadding 5.
 */
function drawTicks(g: SVGGElement, scale: PositionScale, side: 'bottom' | 'left', o: AxisOptions, ticks: LogTicks): void {
  const offset = crispOffset();
  const bottom = side === 'bottom';
  const [r0, r1] = scale.range().map((r) => +r + offset);
  g.append(svgElement('path', { class: 'domain', stroke: 'currentColor', d: bottom ? `M${r0},${offset}H${r1}` : `M${offset},${r0}V${r1}` }));
  const step = ticks.major.length > 1 ? Math.abs(ticks.major[1] - ticks.major[0]) : undefined;
  for (const value of ticks.major) {
    const at = +scale(value) + offset;
    const tick = svgElement('g', { class: 'tick', opacity: '1', transform: bottom ? `translate(${at},0)` : `translate(0,${at})` });
    tick.append(svgElement('line', bottom ? { stroke: 'currentColor', y2: '6' } : { stroke: 'currentColor', x2: '-6' }));
    const text = svgElement('text', bottom ? { fill: 'currentColor', y: '11', dy: '0.71em' } : { fill: 'currentColor', x: '-11', dy: '0.32em' });
    writeLabel(text, tickLabel(o.quantity, value, step));
    tick.append(text);
    g.append(tick);
  }
  g.setAttribute('fill', 'none');
  g.setAttribute('text-anchor', bottom ? 'middle' : 'end');
}

const span = (r: number[]) => Math.abs(r[1] - r[0]);

/** The x axis along the bottom of the plot, with minor ticks and a centred title. */
export function axisX(scale: PositionScale, frame: Frame, o: AxisOptions): SVGGElement {
  const y0 = frame.height - frame.margin.bottom;
  const ticks = axisTicks(scale, o, span(scale.range()), o.quantity === 'flops' ? 64 : 56);
  const g = group('axis axis-x', { part: 'axis axis-x', transform: `translate(0,${y0})` });
  drawTicks(g, scale, 'bottom', o, ticks);
  const minor = group('minor-ticks');
  for (const v of ticks.minor) minor.append(svgElement('line', { x1: scale(v), x2: scale(v), y2: 3 }));
  g.append(minor);
  if (o.title) {
    const [a, b] = scale.range();
    g.append(axisTitle(o.title, span([a, b]), { class: 'axis-title', x: (a + b) / 2, y: frame.margin.bottom - 8, 'text-anchor': 'middle' }));
  }
  return g;
}

/** The y axis along the left of the plot, with a rotated title. */
export function axisY(scale: PositionScale, frame: Frame, o: AxisOptions): SVGGElement {
  const ticks = axisTicks(scale, o, span(scale.range()), 36);
  const g = group('axis axis-y', { part: 'axis axis-y', transform: `translate(${frame.margin.left},0)` });
  drawTicks(g, scale, 'left', o, ticks);
  const minor = group('minor-ticks');
  for (const v of ticks.minor) minor.append(svgElement('line', { y1: scale(v), y2: scale(v), x2: -3 }));
  g.append(minor);
  if (o.title) {
    const [a, b] = scale.range();
    g.append(axisTitle(o.title, span([a, b]), {
      class: 'axis-title', transform: `translate(${-frame.margin.left + 14},${(a + b) / 2}) rotate(-90)`, 'text-anchor': 'middle',
    }));
  }
  return g;
}

/** Faint grid lines at the labelled ticks of both axes, under the marks. */
export function grid(x: PositionScale, y: PositionScale, xo: AxisOptions, yo: AxisOptions): SVGGElement {
  const g = group('grid', { part: 'grid' });
  const [x0, x1] = x.range(), [y0, y1] = y.range();
  for (const v of axisTicks(x, xo, span([x0, x1]), xo.quantity === 'flops' ? 64 : 56).major) {
    g.append(svgElement('line', { x1: x(v), x2: x(v), y1: y0, y2: y1 }));
  }
  for (const v of axisTicks(y, yo, span([y0, y1]), 36).major) g.append(svgElement('line', { x1: x0, x2: x1, y1: y(v), y2: y(v) }));
  return g;
}
